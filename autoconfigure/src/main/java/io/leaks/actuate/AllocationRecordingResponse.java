package io.leaks.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.leaks.allocation.AllocationRecording;
import io.leaks.allocation.AllocationRecordings;
import io.leaks.allocation.AllocationReport;
import io.leaks.allocation.AllocationSite;
import io.leaks.allocation.AllocationTally;
import io.leaks.allocation.ChainTally;
import io.leaks.allocation.ClassAllocations;
import io.leaks.allocation.ClassCount;
import io.leaks.allocation.ClassNames;
import io.leaks.allocation.ClassFindings;
import io.leaks.allocation.ReferenceChain;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * {@code GET /actuator/leaks/allocations/{id}} (and the answer to the {@code POST} that
 * started it): a recording's state and, per class, where it was allocated and what keeps
 * it alive. While it runs the allocation figures are partial and the old objects pending.
 *
 * @param id the recording's id
 * @param status {@code RUNNING}, {@code DONE} or {@code FAILED}
 * @param startedAt when it started
 * @param endsAt when it is due to end
 * @param finishedAt when it ended, or {@code null} while it runs
 * @param durationMillis how long it was asked to run
 * @param requestedClasses the classes asked for, canonical; empty for the top classes
 * @param oldObjectsRequested whether old-object samples were asked for
 * @param failure why it failed, or {@code null}
 * @param sampling how the figures were sampled
 * @param totals sampled allocations of every class, or {@code null} when it failed
 * @param classes the classes asked for, or those with the most sampled bytes
 * @param oldObjects the old-object samples and their reference chains, or {@code null} when
 * it failed
 */
public record AllocationRecordingResponse(String id, String status, Instant startedAt, Instant endsAt,
		@Nullable Instant finishedAt, long durationMillis, List<String> requestedClasses, boolean oldObjectsRequested,
		@Nullable String failure, Sampling sampling, AllocationTally.@Nullable Totals totals, List<ClassBody> classes,
		@Nullable OldObjects oldObjects) implements OperationResponseBody {

	static AllocationRecordingResponse of(AllocationRecording recording, AllocationRecordings.Settings settings) {
		AllocationReport report = recording.report();
		Duration duration = recording.request().duration();
		Sampling sampling = new Sampling(settings.samplesPerSecond(), settings.pathCutoff().toMillis(),
				settings.oldObjectStackTraces(), AllocationNotes.sampling(settings));
		List<ClassBody> classes = (report != null) ? report.classes().stream().map(ClassBody::of).toList()
				: List.of();
		return new AllocationRecordingResponse(recording.id(), recording.status().name(), recording.startedAt(),
				recording.endsAt(), recording.finishedAt(), duration.toMillis(), requestedClasses(recording),
				recording.request().oldObjects(), recording.failure(), sampling,
				(report != null) ? report.totals() : null, classes,
				(report != null) ? OldObjects.of(report, settings) : null);
	}

	static List<String> requestedClasses(AllocationRecording recording) {
		return recording.request().classes().stream().map(ClassNames::canonical).distinct().toList();
	}

	/**
	 * How the figures were sampled.
	 *
	 * @param samplesPerSecond most allocation samples per second
	 * @param pathCutoffMillis longest path search for old objects
	 * @param oldObjectStackTraces whether old-object samples carry their allocation stack (a
	 * chain's {@code allocationSite})
	 * @param note what sampled figures can and cannot say
	 */
	public record Sampling(int samplesPerSecond, long pathCutoffMillis, boolean oldObjectStackTraces, String note) {

	}

	/**
	 * One class: its sampled allocations, its top sites and the reference chains it is on.
	 *
	 * @param className the class, in source form
	 * @param samples its sampled allocations
	 * @param sampledBytes bytes they stand for
	 * @param sites the top allocation sites, most sampled bytes first
	 * @param otherSites sites seen and not listed
	 * @param otherSamples samples at sites not listed
	 * @param otherSampledBytes sampled bytes at sites not listed
	 * @param chains reference chains of old-object samples it is on, as the sampled object or
	 * a holder
	 */
	public record ClassBody(String className, long samples, long sampledBytes, List<AllocationSite> sites,
			long otherSites, long otherSamples, long otherSampledBytes, List<ReferenceChain> chains) {

		static ClassBody of(ClassFindings findings) {
			ClassAllocations allocations = findings.allocations();
			return new ClassBody(allocations.className(), allocations.samples(), allocations.sampledBytes(),
					allocations.sites(), allocations.otherSites(), allocations.otherSamples(),
					allocations.otherSampledBytes(), findings.chains());
		}

	}

	/**
	 * The old-object samples.
	 *
	 * @param status {@code PENDING} (read when the recording ends), {@code RECORDED},
	 * {@code OFF} (not asked for) or {@code SKIPPED}
	 * @param reason why they were skipped, or why there are none, or {@code null}
	 * @param collections garbage collections during the recording: JFR reports only samples
	 * that survived one
	 * @param samples old-object samples read
	 * @param withRoot those with a chain to a GC root
	 * @param sampledClasses the classes JFR sampled, most samples first
	 * @param chains the chains shared by most samples, most first
	 * @param otherChains chains found and not listed
	 * @param note what old-object samples can and cannot say
	 */
	public record OldObjects(String status, @Nullable String reason, long collections, long samples, long withRoot,
			List<ClassCount> sampledClasses, List<ReferenceChain> chains, long otherChains, String note) {

		static OldObjects of(AllocationReport report, AllocationRecordings.Settings settings) {
			ChainTally.Findings findings = report.findings();
			return new OldObjects(report.oldObjects().name(), report.oldObjectsReason(), report.collections(),
					findings.samples(),
					findings.withRoot(), findings.sampledClasses(), findings.chains(),
					findings.otherChains() + findings.ungrouped(), AllocationNotes.oldObjects(settings));
		}

	}

}
