package googleerr

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
)

// envelope is what Classify needs from a body, whichever of Google's shapes it came in:
// {"error":{...}} (legacy errors[] and/or AIP-193 details[]), a JSON array of those, or an OAuth
// {"error":"invalid_grant","error_description":"..."}.
type envelope struct {
	message       string
	status        string // "PERMISSION_DENIED", ...
	reasons       []reasonAt
	oauthCode     string
	service       string
	method        string
	activationURL string
	quota         string
}

type reasonAt struct{ reason, domain string }

// firstReason is the reason to report when none decided the class: errors[] first (the most specific), then
// ErrorInfo, then the status string, then an OAuth code.
func (e envelope) firstReason() (string, string) {
	if len(e.reasons) > 0 {
		return e.reasons[0].reason, e.reasons[0].domain
	}
	if e.status != "" {
		return e.status, ""
	}
	return e.oauthCode, ""
}

// Wire shapes. Every field is optional; a field of the wrong JSON type is skipped by encoding/json, which then
// keeps decoding the rest, so a partly odd body still yields what it can.
type wireReply struct {
	Error            json.RawMessage `json:"error"`
	ErrorDescription string          `json:"error_description"`
}

type wireError struct {
	Message string `json:"message"`
	Status  string `json:"status"`
	Errors  []struct {
		Reason  string `json:"reason"`
		Domain  string `json:"domain"`
		Message string `json:"message"`
	} `json:"errors"`
	Details []wireDetail `json:"details"`
}

type wireDetail struct {
	Type     string         `json:"@type"`
	Reason   string         `json:"reason"`
	Domain   string         `json:"domain"`
	Metadata map[string]any `json:"metadata"`
	Links    []struct {
		URL string `json:"url"`
	} `json:"links"`
	Violations []struct {
		Description string `json:"description"`
		QuotaMetric string `json:"quotaMetric"`
		QuotaID     string `json:"quotaId"`
	} `json:"violations"`
}

func parseEnvelope(body []byte) envelope {
	var env envelope
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return env
	}
	var reply wireReply
	if body[0] == '[' {
		var arr []wireReply
		_ = json.Unmarshal(body, &arr)
		if len(arr) > 0 {
			reply = arr[0]
		}
	} else {
		_ = json.Unmarshal(body, &reply)
	}
	raw := bytes.TrimSpace(reply.Error)
	if len(raw) == 0 {
		return env
	}
	if raw[0] == '"' {
		_ = json.Unmarshal(raw, &env.oauthCode)
		env.message = reply.ErrorDescription
		return env
	}
	var we wireError
	_ = json.Unmarshal(raw, &we)
	env.message, env.status = we.Message, we.Status
	for _, e := range we.Errors {
		if e.Reason != "" {
			env.reasons = append(env.reasons, reasonAt{e.Reason, e.Domain})
		}
	}
	for _, d := range we.Details {
		env.addDetail(d)
	}
	if env.activationURL == "" {
		env.activationURL = activationInText(env.message)
	}
	return env
}

func (env *envelope) addDetail(d wireDetail) {
	typ := d.Type[strings.LastIndex(d.Type, "/")+1:]
	switch typ {
	case "google.rpc.ErrorInfo":
		if d.Reason != "" {
			env.reasons = append(env.reasons, reasonAt{d.Reason, d.Domain})
		}
		env.service = firstNonEmpty(env.service, metaString(d.Metadata, "service"))
		env.method = firstNonEmpty(env.method, metaString(d.Metadata, "method"))
		env.activationURL = firstNonEmpty(env.activationURL, metaString(d.Metadata, "activationUrl"))
		env.quota = firstNonEmpty(env.quota, metaString(d.Metadata, "quota_limit"), metaString(d.Metadata, "quota_metric"))
	case "google.rpc.Help":
		for _, l := range d.Links {
			if strings.Contains(l.URL, "/apis/api/") || strings.Contains(l.URL, "/apis/library/") {
				env.activationURL = firstNonEmpty(env.activationURL, l.URL)
			}
		}
	case "google.rpc.QuotaFailure":
		for _, v := range d.Violations {
			env.quota = firstNonEmpty(env.quota, v.Description, v.QuotaID, v.QuotaMetric)
		}
	}
}

func metaString(m map[string]any, key string) string {
	switch v := m[key].(type) {
	case string:
		return v
	case nil:
		return ""
	default:
		return fmt.Sprint(v)
	}
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

// activationRE finds the console link Google writes into an "API has not been used in project" message.
var activationRE = regexp.MustCompile(`https://console\.(?:developers|cloud)\.google\.com/apis/(?:api|library)/[^\s"'<>]+`)

func activationInText(s string) string {
	return strings.TrimRight(activationRE.FindString(s), ".,;:)")
}
