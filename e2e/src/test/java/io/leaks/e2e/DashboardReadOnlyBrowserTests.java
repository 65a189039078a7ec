package io.leaks.e2e;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo app started with the endpoint's default, read-only access: the page still shows
 * the figures, offers no action, and says which property grants them.
 */
class DashboardReadOnlyBrowserTests extends DashboardBrowserTestSupport {

	@Override
	protected List<String> appArguments() {
		return List.of("--leaks.dashboard.poll-interval=1s", "--management.endpoint.leaks.access=read-only");
	}

	@Test
	void readOnlyUserShouldSeeNoActionsAndTheReason() {
		this.page.open();
		assertThat(this.page.text("access")).isEqualTo("read-only");
		assertThat(this.page.isShown("actions-controls")).isFalse();
		assertThat(this.page.isShown("snapshot-form")).isFalse();
		assertThat(this.page.text("actions-readonly")).contains("management.endpoint.leaks.access=unrestricted");
		assertThat(this.page.text("notice")).contains("Read-only");
		assertThat(this.page.text("snapshot-empty")).contains("read-only access cannot take them");
		assertThat(this.page.chartPoints("heap-chart", "used")).isPositive();
	}

}
