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
// default window) actually needs a zone.
func zoneFor(ctx context.Context, a *app.App, svc *calendar.Service, flag, calID string, needed bool) (*time.Location, error) {
	if flag != "" {
		return timeparse.ParseZone(flag)
	}
	if cfg := a.Setting("timezone"); cfg != "" {
		return timeparse.ParseZone(cfg)
	}
	if !needed {
		return time.UTC, nil
	}
	entry, err := svc.CalendarList.Get(calID).Fields("timeZone").Context(ctx).Do()
	if err != nil {
		return nil, err
	}
	if entry.TimeZone == "" {
		return time.UTC, nil
	}
	loc, err := time.LoadLocation(entry.TimeZone)
	if err != nil {
		return time.UTC, nil
	}
	return loc, nil
}

// window turns --from/--to into the [min, max) interval of a listing: by default today → +7 days; a --to given
// as a date includes that whole day.
func window(from, to string, now time.Time, loc *time.Location) (time.Time, time.Time, error) {
	start := timeparse.StartOfDay(now, loc)
	if from != "" {
		t, err := timeparse.Parse(from, now, loc)
		if err != nil {
			return time.Time{}, time.Time{}, err
		}
		start = t.Time
	}
	end := start.AddDate(0, 0, 7)
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
