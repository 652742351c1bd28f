package nl.schakel.casework;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.schakel.ids.CaseId;
import nl.schakel.security.Channel;
import nl.schakel.meeting.MeetingService;
import nl.schakel.organisation.Organisation;
import nl.schakel.organisation.OrganisationDirectory;
import nl.schakel.organisation.OrganisationNames;
import nl.schakel.plan.PlanOfAction;
import nl.schakel.policy.Purpose;
import nl.schakel.security.Actor;
import nl.schakel.security.Access;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case summary for print and PDF. Printing takes the case out of Schakel, so it is
 * read through the gate on channel {@link Channel#EXPORT}: every item on it is a
 * disclosure of its own, recorded before anything is rendered, and the auditor finds it
 * like any other. The summary is never stored: it is made for one reader at one moment.
 */
@Service
public class CaseSummaries {

	/** The safety houses work in Dutch time; the printed time says when in their day. */
	static final ZoneId PRINT_ZONE = ZoneId.of("Europe/Amsterdam");

	private final CaseDossiers dossiers;

	private final OrganisationDirectory organisations;

	private final Clock clock;

	private final PlanOfAction plan;

	private final MeetingService meetings;

	private final MessageSource messages;

	private final OrganisationNames organisationNames;

	CaseSummaries(CaseDossiers dossiers, OrganisationDirectory organisations, Clock clock, PlanOfAction plan,
			MeetingService meetings, MessageSource messages, OrganisationNames organisationNames) {
		this.organisationNames = organisationNames;
		this.plan = plan;
		this.meetings = meetings;
		this.messages = messages;
		this.dossiers = dossiers;
		this.organisations = organisations;
		this.clock = clock;
	}

	/**
	 * The whole case as the current reader may see it under the purpose, or empty when
	 * the reader may not know of the case (the same for a case that does not exist).
	 */
	@Transactional
	public Optional<PrintedCase> print(Access access, CaseId id) {
		// a summary leaves the server as an export, whichever way it was asked for
		Access export = access.via(Channel.EXPORT);
		Actor actor = access.actor();
		TimelinePage page = new TimelinePage(null, null, TimelinePage.MAX_SIZE);
		CaseDossier first = null;
		// the whole timeline, a page at a time (a summary leaves nothing out the reader
		// may see)
		Map<UUID, TimelineEntry> timeline = new LinkedHashMap<>();
		while (page != null) {
			if (!(this.dossiers.open(export, id, page) instanceof CaseOpening.Visible visible)) {
				return Optional.empty();
			}
			CaseDossier dossier = visible.dossier();
			if (first == null) {
				first = dossier;
			}
			dossier.timeline().forEach((entry) -> timeline.putIfAbsent(entry.id(), entry));
			page = (dossier.olderTimeline() != null) ? TimelinePage.of(dossier.olderTimeline(), TimelinePage.MAX_SIZE)
					: null;
		}
		List<TimelineEntry> entries = new ArrayList<>(timeline.values());
		entries.sort(Comparator.comparing(TimelineEntry::createdAt).thenComparing(TimelineEntry::id));
		String organisation = this.organisations.byCode(actor.organisation())
			.map(Organisation::name)
			.orElse(actor.organisation());
		PrintedCase.Reader reader = new PrintedCase.Reader(actor.displayName(), organisation, first.purpose().labelNl(),
				first.purpose().labelEn());
		// the plan of action and the minutes, each read through the gate on the same
		// channel
		Locale locale = LocaleContextHolder.getLocale();
		DateTimeFormatter day = DateTimeFormatter.ofPattern("dd-MM-yyyy");
		List<PrintedCase.Line> actions = this.plan.read(export, id)
			.orElse(List.of())
			.stream()
			.map((a) -> new PrintedCase.Line(
					this.organisationNames.of(a.organisation()) + " · "
							+ this.messages.getMessage("summary.action.due", new Object[] { day.format(a.due()) },
									locale)
							+ " · " + this.messages.getMessage("plan.status." + a.status().name(), null, locale)
							+ (a.overdue() ? " · " + this.messages.getMessage("summary.action.overdue", null, locale)
									: ""),
					(a.description() != null) ? a.description()
							: this.messages.getMessage("summary.section.withheld", null, locale)))
			.toList();
		List<PrintedCase.Line> minutes = this.meetings.minutesOf(export, id)
			.orElse(List.of())
			.stream()
			.map((m) -> new PrintedCase.Line(
					this.organisationNames.of(m.organisation()) + " · " + day.format(m.createdAt().atZone(PRINT_ZONE))
							+ " · " + this.messages.getMessage("category." + m.category().name(), null, locale),
					(m.text() != null) ? m.text() : this.messages.getMessage("summary.section.withheld", null, locale)))
			.toList();
		List<PrintedCase.Section> sections = List.of(new PrintedCase.Section("summary.section.plan", actions),
				new PrintedCase.Section("summary.section.minutes", minutes));
		return Optional.of(new PrintedCase(first, List.copyOf(entries), reader,
				ZonedDateTime.now(this.clock).withZoneSameInstant(PRINT_ZONE), sections));
	}

}
