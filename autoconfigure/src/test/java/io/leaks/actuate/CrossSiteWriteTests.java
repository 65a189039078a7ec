package io.leaks.actuate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which writes count as sent by a page on another site, from the headers a browser sets
 * and a page cannot forge.
 */
class CrossSiteWriteTests {

	private static final CrossSiteWrite.Target APP = new CrossSiteWrite.Target("http", "127.0.0.1", 8080);

	@ParameterizedTest(name = "{0} {1} Origin={2} Sec-Fetch-Site={3} -> refused={4}")
	@CsvSource(nullValues = "-", value = {
			// curl, scripts, other servers: no Origin, no Sec-Fetch-Site
			"POST, -, -, -, false",
			"DELETE, -, -, -, false",
			// the dashboard on the same origin
			"POST, -, http://127.0.0.1:8080, same-origin, false",
			"POST, -, http://127.0.0.1:8080, -, false",
			"POST, -, HTTP://127.0.0.1:8080, -, false",
			"POST, -, http://127.0.0.1, -, true",
			// a no-cors fetch, a form or a beacon from another port of the same host
			"POST, -, http://127.0.0.1:9999, same-site, true",
			"POST, -, http://127.0.0.1:9999, -, true",
			"POST, application/x-www-form-urlencoded, http://127.0.0.1:9999, same-site, true",
			"POST, text/plain;charset=UTF-8, http://127.0.0.1:9999, same-site, true",
			"POST, multipart/form-data; boundary=x, http://127.0.0.1:9999, same-site, true",
			"DELETE, application/x-www-form-urlencoded, http://127.0.0.1:9999, -, true",
			// another site altogether
			"POST, -, https://evil.example, cross-site, true",
			"POST, -, -, cross-site, true",
			"POST, -, null, -, true",
			"POST, -, not an origin, -, true",
			// another scheme of the same host
			"POST, -, https://127.0.0.1:8080, -, true",
			// the browser says same origin although Origin and Host disagree (a proxy rewrote Host)
			"POST, -, https://app.example, same-origin, false",
			// reads are never writes; JSON cannot cross origins without a CORS preflight
			"GET, -, https://evil.example, cross-site, false",
			"HEAD, -, https://evil.example, cross-site, false",
			"OPTIONS, -, https://evil.example, cross-site, false",
			"POST, application/json, https://evil.example, cross-site, false",
			"POST, application/vnd.spring-boot.actuator.v3+json, https://evil.example, cross-site, false" })
	void writesABrowserSentFromAnotherSiteShouldBeRefused(String method, String contentType, String origin,
			String fetchSite, boolean refused) {
		String refusal = CrossSiteWrite.refusal(method, contentType, origin, fetchSite, APP);
		assertThat(refusal != null).isEqualTo(refused);
		if (refused) {
			assertThat(refusal).contains((fetchSite != null) ? "Sec-Fetch-Site" : "Origin");
		}
	}

	@ParameterizedTest
	@CsvSource({ "http, ::1, 8080, 'http://[::1]:8080', true", "https, example.com, 443, https://example.com, true",
			"http, example.com, 80, http://example.com:80, true", "http, Example.COM, 80, http://example.com, true",
			"http, example.com, 8080, http://example.com.evil:8080, false" })
	void targetShouldMatchTheOriginsThatNameIt(String scheme, String host, int port, String origin, boolean matches) {
		assertThat(new CrossSiteWrite.Target(scheme, host, port).matches(origin)).isEqualTo(matches);
	}

}
