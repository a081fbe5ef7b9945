package calendar

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"

	"github.com/gogcli/gog/internal/app"
	"github.com/gogcli/gog/internal/config"
)

// The calendar-zone cache saves a round trip on most listings: reading "today" needs the calendar's zone, which
// Google only tells in a calendarList.get — or in the answer of the very events.list that needed it. gog keeps
// the zone each listing answered with and reads times in it next time; if the answer then names another zone
// (the user moved the calendar), the cache is corrected and the listing redone, so it is never wrong for long.
// It holds no secrets: calendar IDs and zone names, keyed by target and account.

func zoneCachePath(a *app.App) string {
	return filepath.Join(a.Paths.StateDir(), "calendar-zones.json")
}

func zoneCacheKey(a *app.App, calID string) string {
	account := ""
	if conn := a.CurrentConnection(); conn != nil {
		account = conn.Account
	}
	return strings.Join([]string{a.GogCommand(), account, calID}, "|")
}

func readZoneCache(a *app.App) map[string]string {
	m := map[string]string{}
	if raw, err := os.ReadFile(zoneCachePath(a)); err == nil {
		_ = json.Unmarshal(raw, &m)
	}
	return m
}

// cachedZone returns the zone last seen for calID, "" when none.
func cachedZone(a *app.App, calID string) string { return readZoneCache(a)[zoneCacheKey(a, calID)] }

// rememberZone records the zone a listing of calID answered with. It is a cache: failing to write it only costs
// a round trip next time, so errors are ignored.
func rememberZone(a *app.App, calID, zone string) {
	if zone == "" {
		return
	}
	m := readZoneCache(a)
	key := zoneCacheKey(a, calID)
	if m[key] == zone {
		return
	}
	m[key] = zone
	if raw, err := json.Marshal(m); err == nil {
		_ = config.WriteFileAtomic(zoneCachePath(a), raw, 0o600)
	}
}
