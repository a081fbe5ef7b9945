package auth

import (
	"errors"
	"net/http"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/gogcli/gog/internal/clock"
)

func TestTokenAnswersAreParsedWithTheInjectedClock(t *testing.T) {
	t.Parallel()
	clk := clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	te := &tokenEndpoint{clock: clk}
	cases := []struct {
		name, ct, body string
		expiresIn      int64
	}{
		{"number", "application/json; charset=utf-8", `{"access_token":"a","expires_in":3599,"scope":"openid","token_type":"Bearer"}`, 3599},
		{"string", "application/json", `{"access_token":"a","expires_in":"120"}`, 120},
		{"form", "application/x-www-form-urlencoded", `access_token=a&expires_in=60&scope=openid`, 60},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp := &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {tc.ct}, "Date": {"Tue, 01 Jan 2030 00:00:05 GMT"}}}
			got, err := te.parse(resp, []byte(tc.body))
			if err != nil || got.AccessToken != "a" || got.ExpiresIn != tc.expiresIn ||
				!got.Expiry.Equal(clk.Now().Add(time.Duration(tc.expiresIn)*time.Second)) || got.Date.IsZero() {
				t.Fatalf("parse = %+v, %v", got, err)
			}
		})
	}
}

func TestTokenErrorsAreRetrieveErrors(t *testing.T) {
	t.Parallel()
	te := &tokenEndpoint{clock: clock.NewFake(time.Now())}
	cases := []struct {
		status int
		body   string
		code   string
	}{
		{400, `{"error": "invalid_grant", "error_description": "Token has been expired or revoked."}`, "invalid_grant"},
		{401, `{"error": "invalid_client", "error_description": "The OAuth client was not found."}`, "invalid_client"},
		{503, `<html>unavailable</html>`, ""},
		{200, `{"error":"invalid_scope"}`, "invalid_scope"},
		{200, `{}`, ""},
	}
	for _, tc := range cases {
		resp := &http.Response{StatusCode: tc.status, Header: http.Header{"Content-Type": {"application/json"}}}
		_, err := te.parse(resp, []byte(tc.body))
		var re *oauth2.RetrieveError
		if !errors.As(err, &re) || re.ErrorCode != tc.code {
			t.Fatalf("%d %s: err = %v", tc.status, tc.body, err)
		}
	}
}
