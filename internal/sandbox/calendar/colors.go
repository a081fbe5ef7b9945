package calendar

import "strconv"

// calendarPalette is Google Calendar's calendar colour palette, colour id 1 first.
func calendarPalette() []string {
	return []string{"#ac725e", "#d06b64", "#f83a22", "#fa573c", "#ff7537", "#ffad46", "#42d692", "#16a765",
		"#7bd148", "#b3dc6c", "#fbe983", "#fad165", "#92e1c0", "#9fe1e7", "#9fc6e7", "#4986e7", "#9a9cff",
		"#b99aff", "#c2c2c2", "#cabdbf", "#cca6ac", "#f691b2", "#cd74e6", "#a47ae2"}
}

// eventPalette is Google Calendar's event colour palette, colour id 1 first.
func eventPalette() []string {
	return []string{"#a4bdfc", "#7ae7bf", "#dbadff", "#ff887c", "#fbd75b", "#ffb878", "#46d6db", "#e1e1e1",
		"#5484ed", "#51b749", "#dc2127"}
}

// calendarColor returns the background and foreground of a calendar colour id.
func calendarColor(id string) (string, string) {
	n, err := strconv.Atoi(id)
	p := calendarPalette()
	if err != nil || n < 1 || n > len(p) {
		return p[13], "#000000"
	}
	return p[n-1], "#000000"
}

// validEventColor reports whether id is an event colour id.
func validEventColor(id string) bool {
	n, err := strconv.Atoi(id)
	return err == nil && n >= 1 && n <= len(eventPalette())
}

func itoa(i int) string { return strconv.Itoa(i) }
