package io.leaks.actuate;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.Access;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route table: every resource once, every route listed, methods filtered by access.
 */
class LeaksResourceTests {

	@Test
	void routeListShouldNameEveryRouteOnceInTableOrder() {
		assertThat(LeaksResource.describeAll("")).isEqualTo("GET snapshots, GET snapshots/{label}, POST snapshots, "
				+ "DELETE snapshots/{label}, GET compare, POST compare, POST gc, GET heapdumps, GET heapdumps/{name}, "
				+ "POST heapdumps, DELETE heapdumps/{name}, GET analyses, GET analyses/{id}, POST analyses, "
				+ "DELETE analyses/{id}, GET tuning, POST tuning, GET trend, GET history, GET allocations, "
				+ "GET allocations/{id}, POST allocations, DELETE allocations/{id}");
		assertThat(LeaksResource.describeAll("/actuator/leaks/")).startsWith("GET /actuator/leaks/snapshots, ");
	}

	@Test
	void pathsShouldBeUniqueAndFindTheirResource() {
		List<String> paths = Arrays.stream(LeaksResource.values()).map(LeaksResource::path).toList();
		assertThat(paths).doesNotHaveDuplicates();
		for (LeaksResource resource : LeaksResource.values()) {
			assertThat(LeaksResource.find(resource.path())).contains(resource);
		}
		assertThat(LeaksResource.find("Snapshots")).as("paths are case-sensitive, as actuator's").isEmpty();
	}

	@Test
	void allowedMethodsShouldFollowTheAccess() {
		assertThat(LeaksResource.SNAPSHOTS.allowed(false, Access.UNRESTRICTED)).containsExactly(Verb.GET, Verb.POST);
		assertThat(LeaksResource.SNAPSHOTS.allowed(true, Access.UNRESTRICTED)).containsExactly(Verb.GET,
				Verb.DELETE);
		assertThat(LeaksResource.SNAPSHOTS.allowed(false, Access.READ_ONLY)).containsExactly(Verb.GET);
		assertThat(LeaksResource.GC.allowed(false, Access.READ_ONLY)).isEmpty();
		assertThat(LeaksResource.TREND.allowed(true, Access.UNRESTRICTED)).isEmpty();
		assertThat(LeaksResource.ANALYSES.allowed(false, Access.READ_ONLY)).containsExactly(Verb.GET);
		assertThat(LeaksResource.ANALYSES.allowed(true, Access.READ_ONLY)).containsExactly(Verb.GET);
		assertThat(LeaksResource.ANALYSES.allowed(true, Access.UNRESTRICTED)).containsExactly(Verb.GET,
				Verb.DELETE);
		assertThat(LeaksResource.ALLOCATIONS.allowed(false, Access.READ_ONLY)).containsExactly(Verb.GET);
		assertThat(LeaksResource.ALLOCATIONS.allowed(true, Access.UNRESTRICTED)).containsExactly(Verb.GET,
				Verb.DELETE);
	}

	@Test
	void theRoutesThatTakeClassesShouldBeTheOnesWhoseBodiesMayListThem() {
		List<LeaksResource> takingClasses = Arrays.stream(LeaksResource.values())
			.filter((resource) -> resource.takes(Verb.POST, "classes"))
			.toList();
		assertThat(takingClasses).containsExactly(LeaksResource.ANALYSES, LeaksResource.ALLOCATIONS);
		assertThat(LeaksResource.SNAPSHOTS.takes(Verb.POST, "label")).isTrue();
		assertThat(LeaksResource.SNAPSHOTS.takes(Verb.GET, "label")).as("label is the item, not a parameter").isFalse();
		assertThat(LeaksResource.TREND.takes(Verb.POST, "classes")).as("no POST at all").isFalse();
	}

}
