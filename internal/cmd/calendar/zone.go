package calendar

import (
	"context"
	"time"

	"google.golang.org/api/calendar/v3"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/timeparse"
)

// zoneFor decides the zone in which typed times are read: --timezone, else the config's timezone, else the
// calendar's own zone — the last costs one calendarList.get, so it is asked only when a typed time (or the
// default window) actually needs a zone. Listings may use the zone cache instead (lookupZone).
func zoneFor(ctx context.Context, a *app.App, svc *calendar.Service, flag, calID string, needed bool) (*time.Location, error) {
	loc, _, err := resolveZone(ctx, a, svc, flag, calID, needed)
	return loc, err
}

// resolveZone is zoneFor that also reports whether the zone is known (false: nothing needed one, and UTC is a
// stand-in that must not be written into an event's timeZone field).
func resolveZone(ctx context.Context, a *app.App, svc *calendar.Service, flag, calID string, needed bool) (*time.Location, bool, error) {
	// Writes read times in the zone Google states now, never a cached one: a stale zone would misplace an event.
	loc, src, err := lookupZone(ctx, a, svc, flag, calID, needed, false)
	return loc, src != zoneNone, err
}

// zoneSource says where a zone came from.
type zoneSource int

const (
	zoneNone   zoneSource = iota // not needed: UTC stands in
	zoneChosen                   // --timezone or the config's timezone
	zoneCached                   // what the calendar's last listing answered with (see zonecache.go)
	zoneAsked                    // calendarList.get, one round trip
)

// lookupZone finds the zone; cacheOK lets a listing (which corrects itself, see zonecache.go) use the cache.
func lookupZone(ctx context.Context, a *app.App, svc *calendar.Service, flag, calID string, needed, cacheOK bool) (*time.Location, zoneSource, error) {
	if flag != "" {
		loc, err := timeparse.ParseZone(flag)
		return loc, zoneChosen, err
	}
	if cfg := a.Setting("timezone"); cfg != "" {
		loc, err := timeparse.ParseZone(cfg)
		return loc, zoneChosen, err
	}
	if !needed {
		return time.UTC, zoneNone, nil
	}
	if cacheOK {
		if name := cachedZone(a, calID); name != "" {
			if loc, err := time.LoadLocation(name); err == nil {
				return loc, zoneCached, nil
			}
		}
	}
	entry, err := svc.CalendarList.Get(calID).Fields("timeZone").Context(ctx).Do()
	if err != nil {
		return nil, zoneNone, err
	}
	loc, err := time.LoadLocation(entry.TimeZone)
	if entry.TimeZone == "" || err != nil {
		return time.UTC, zoneNone, nil
	}
	rememberZone(a, calID, entry.TimeZone)
	return loc, zoneAsked, nil
}

// listWindow is a listing's default window: it starts Back days before the start of today and is Span days
// long (a --from given alone also gets Span days).
type listWindow struct{ back, span int }

// eventsWindow is `events`' default: today and the next 6 days.
func eventsWindow() listWindow { return listWindow{back: 0, span: 7} }

// searchWindow is `search`'s default: 30 days back to 90 days ahead.
func searchWindow() listWindow { return listWindow{back: 30, span: 120} }

// window turns --from/--to into the [min, max) interval of a listing; a --to given as a date includes that
// whole day.
func window(from, to string, now time.Time, loc *time.Location, def listWindow) (time.Time, time.Time, error) {
	start := timeparse.StartOfDay(now, loc).AddDate(0, 0, -def.back)
	if from != "" {
		t, err := timeparse.Parse(from, now, loc)
		if err != nil {
			return time.Time{}, time.Time{}, err
		}
		start = t.Time
	}
	end := start.AddDate(0, 0, def.span)
	if to != "" {
		t, err := timeparse.Parse(to, now, loc)
		if err != nil {
			return time.Time{}, time.Time{}, err
		}
		end = t.Time
		if t.DateOnly {
			end = end.AddDate(0, 0, 1)
		}
	}
	return start, end, nil
}
