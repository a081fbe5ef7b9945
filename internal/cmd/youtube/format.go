package youtube

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// day shows the date part of a YouTube timestamp ("2026-03-02T09:00:00Z" → "2026-03-02").
func day(ts string) string {
	if len(ts) >= 10 {
		return ts[:10]
	}
	return ts
}

// count shows a statistic (YouTube sends them as decimal strings; the Go types hold uint64).
func count(n uint64) string { return strconv.FormatUint(n, 10) }

var isoDuration = regexp.MustCompile(`^P(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$`)

// duration shows contentDetails.duration (ISO 8601, "PT1H2M3S") as a clock: "1:02:03", "4:05".
func duration(iso string) string {
	m := isoDuration.FindStringSubmatch(iso)
	if m == nil || iso == "" {
		return iso
	}
	n := func(s string) int { v, _ := strconv.Atoi(s); return v }
	h, mins, s := n(m[1])*24+n(m[2]), n(m[3]), n(m[4])
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d", h, mins, s)
	}
	return fmt.Sprintf("%d:%02d", mins, s)
}

// oneLine keeps the first line of a text, shortened for a table cell.
func oneLine(s string, limit int) string {
	s, _, _ = strings.Cut(s, "\n")
	if r := []rune(s); len(r) > limit {
		return string(r[:limit-1]) + "…"
	}
	return s
}
