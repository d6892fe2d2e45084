"""The coach's judgement of single key results, as a facilitator would read it."""

from __future__ import annotations

import pytest

from workshop.coach import OUTCOME, OUTPUT, assess_kr, is_output, why_question
from workshop.coach.key_results import READ_AT_MOST, lemma, normalise
from workshop.model import KeyResult


def codes(text: str, kr: KeyResult | None = None) -> set[str]:
    return {f.code for f in assess_kr(text, kr).findings}


@pytest.mark.parametrize("text", [
    "Launch v3.0 of our platform",
    "Migrate 100% of customers to the new version",
    "Host 5 webinars on enterprise AI",
    "Complete migration to Kubernetes",
    "Hire 3 senior engineers",
    "Publish 12 blog posts",
    "Implement CI pipeline",
    "Document all APIs",
    "Run 3 user-research sessions",
    "Ship v2 to 100% of users",
    "Launch the new onboarding flow by March",
    "New pricing page live by end of February",
    "Achieve ISO 27001 certification",
    "100% of managers complete feedback training",
    "lauch the partner portal",
    "KR2: Write runbooks for every tier-1 service.",
    # The labelling rules: onboarding N (people or partners) is work the team does.
    "Onboard 20 new partners",
])
def test_outputs_are_called_outputs(text: str) -> None:
    assert assess_kr(text).kind == OUTPUT


@pytest.mark.parametrize("text", [
    "Increase enterprise sign-ups by 25%",
    "Reduce churn in the enterprise segment to below 5%",
    "Generate 200 qualified enterprise leads through events",
    "Increase X from 10 to 20",
    "Achieve NPS of 50",
    "Grow MRR to $1M",
    "95% of tickets answered within 4h",
    "Get 10,000 weekly active users",
    "Sign 5 new enterprise customers",
    "Reduce p95 latency to 200ms",
    "Churn 20 % lower than last quarter",
    "€2M in new annual recurring revenue",
    "increse trial conversions to 5%",
])
def test_outcomes_are_called_outcomes(text: str) -> None:
    assert assess_kr(text).kind == OUTCOME


def test_an_output_says_why_and_asks_the_first_why_question() -> None:
    result = assess_kr("Launch v3.0 of our platform.")
    output = result.finding("kr.output")
    assert output is not None and output.severity == "warn"
    assert '"Launch"' in output.message and "who benefits" in output.message
    assert output.question == "Why do we want to launch v3.0 of our platform?"
    assert output.families and set(output.families) <= {
        "customer value", "financial", "process", "people"}
    assert "kr.milestone" in codes("Launch v3.0 of our platform")


def test_the_why_question_keeps_acronyms_and_fixes_the_verb() -> None:
    assert why_question("Implement SSO for internal tools.", "implement") == \
        "Why do we want to implement SSO for internal tools?"
    assert assess_kr("impelment SSO").finding("kr.output").question == \
        "Why do we want to implement SSO?"
    assert assess_kr("Launched the iOS app").finding("kr.output").question == \
        "Why do we want to launch the iOS app?"
    assert why_question("API v2 released") == "Why do we want API v2 released?"


def test_counts_of_our_own_work_differ_from_counts_of_responses() -> None:
    own = assess_kr("Publish 12 blog posts")
    assert "kr.own_output_count" in {f.code for f in own.findings}
    assert '"12 blog posts"' in own.finding("kr.own_output_count").message
    assert assess_kr("Get 1,500 webinar registrations from target accounts").kind == OUTCOME
    assert assess_kr("Onboard 5 new engineers").kind == OUTPUT
    # Onboarding is work we do to them; winning them is the response that counts.
    assert assess_kr("Onboard 50 new customers").kind == OUTPUT
    assert assess_kr("Win 50 new customers").kind == OUTCOME


def test_no_target_health_metric_and_vanity_are_flagged() -> None:
    assert "kr.no_target" in codes("Improve customer satisfaction")
    assert assess_kr("Improve customer satisfaction").measurable is False
    assert "kr.no_target" not in codes("Improve customer satisfaction from 3.9 to 4.4")
    health = assess_kr("Maintain 99.9% uptime")
    assert health.kind == OUTCOME and health.finding("kr.health_metric") is not None
    assert "kr.vanity" in codes("Grow Instagram followers to 20k")
    assert "kr.vanity" not in codes("Grow paying customers to 2,000")


def test_a_target_field_makes_a_kr_measurable() -> None:
    bare = "Improve onboarding satisfaction"
    assert assess_kr(bare).measurable is False
    kr = KeyResult(text=bare, metric="Onboarding CSAT", baseline="3.8", target="4.5")
    assert assess_kr(bare, kr).measurable is True
    assert "kr.no_target" not in codes(bare, kr)


def test_is_output_uses_the_key_results_text() -> None:
    assert is_output(KeyResult(text="Ship the mobile app"))
    assert not is_output(KeyResult(text="Raise mobile retention from 20% to 30%"))


def test_versions_years_and_quarters_are_not_targets() -> None:
    assert assess_kr("Upgrade the database to PostgreSQL 16").measurable is False
    assert assess_kr("Define the product roadmap for 2027 in Q1").measurable is False
    assert assess_kr("Cut build time from 25 to 10 minutes").measurable is True


@pytest.mark.parametrize("label", ["KR 1.1 - ", "KR 2.3: ", "KR-4: ", "KR1.2 ", "O2.KR3 ",
                                   "[KR] ", "- [ ] ", "- [x] ", "Key result 3.2: ", "1) "])
def test_a_trackers_numbering_changes_neither_verdict_nor_confidence(label: str) -> None:
    for text in ("Launch the partner portal", "Reduce churn to 2%", "Hire 3 engineers"):
        bare, labelled = assess_kr(text), assess_kr(label + text)
        assert (labelled.kind, labelled.confidence) == (bare.kind, bare.confidence), label
    # A number with a decimal point is not a list label.
    assert normalise("1.5 million monthly readers") == "1.5 million monthly readers"


def test_a_measure_named_by_a_compound_is_stated_not_asked() -> None:
    for text in ("Time-to-value < 7 days", "Cost-per-lead 40 dollars"):
        assessment = assess_kr(text)
        assert assessment.kind == OUTCOME and not assessment.unsure, text


def test_a_pasted_page_is_read_by_its_first_thousand_characters() -> None:
    # The editor runs the coach after each pause in typing; a paste of a whole page must
    # not make it read the page (benchmarks/coach.py times the worst shapes).
    page = "Launch the partner portal. " + "from the old site " * 2000
    assert len(normalise(page)) <= READ_AT_MOST
    assert assess_kr(page).kind == OUTPUT
    assert lemma("fy" * 5000) == ""


def test_a_rank_or_a_multiple_is_a_target() -> None:
    for text in ("Be in the top 10 apps in the store", "Top 5 podcast in the Apple charts",
                 "Grow signups tenfold", "Top-3 ranking on G2"):
        assessment = assess_kr(text)
        assert assessment.kind == OUTCOME and assessment.measurable, text
        assert assessment.finding("kr.no_target") is None, text
    # The top items we work on are still our own work.
    assert assess_kr("Fix the top 20 bugs reported by customers").kind == OUTPUT


@pytest.mark.parametrize("text", [
    "Onboarding takes less than a day",
    "Search results load in under a second",
    "Single-digit monthly churn",
    "Double-digit revenue growth",
    "A third of sales come from partners",
    "The majority of users use the mobile app weekly",
])
def test_a_level_in_words_is_a_target(text: str) -> None:
    # "in under a second", "single-digit", "a third of": a number in words; and the gerund
    # that opens "Onboarding takes less than a day" names what is measured.
    assessment = assess_kr(text)
    assert assessment.kind == OUTCOME and assessment.measurable
    assert assessment.finding("kr.no_target") is None


def test_empty_and_odd_input_does_not_crash() -> None:
    for text in ["", "   ", "!!!", "12", "%", "a" * 5000, "Ünïcödé ☃ résumé 10 %"]:
        result = assess_kr(text)
        assert result.kind in (OUTPUT, OUTCOME)


# -- the kinds of key result published OKRs are full of ---------------------------------

@pytest.mark.parametrize("text", [
    "Users can export their reports as CSV",
    "Single sign-on is in place for all internal tools",
    "The new billing API is generally available",
    "Helm charts generally available",
])
def test_a_capability_statement_is_an_output(text: str) -> None:
    assert assess_kr(text).kind == OUTPUT


@pytest.mark.parametrize("text", [
    "Hire 4 engineers for the platform team",
    "Give talks at 3 industry conferences",
    "Hold 12 customer meetings",
    "Speak at 5 meetups",
    "Collect 200 survey responses",
    "Source 40 candidates for the data roles",
    "We have offers accepted by 2 designers and a product manager",
    "Secure 10 speaking opportunities at industry conferences",
    "Lead 3 discussions on accessibility with the design team",
])
def test_a_count_of_our_own_activity_is_an_output(text: str) -> None:
    assert assess_kr(text).kind == OUTPUT


@pytest.mark.parametrize("text", [
    # A verb of activity the lists of work verbs never named.
    "Participate in three community calls about the new API",
    "Advertise the summer programme in 12 local papers",
    "Remediate/close every finding of the spring audit",
    # Habits counted per period, and a key result kept as a yes/no question.
    "Walk 2 miles a day",
    "Swim 3 times a week",
    "Did we publish 10 case studies?",
    "Have I read 20 books by December?",
    # Work reported as done for every team: where it happened is not who answered.
    "20 new help pages are published across all teams",
    "All squads have a written on-call runbook",
    # A capability for everyone, answers we gathered, our own systems everywhere.
    "Dark mode is enabled for all users",
    "250 survey responses collected",
    "95% of services emit structured logs",
    # Work done to the people counted, and meetings held with them.
    "Quarterly business reviews held with all top-20 accounts",
    # Personal habits, and our own meetings named on a cadence.
    "Go to the gym 3 times a week",
    "Cook dinner at home 5 nights a week",
    "Weekly office hours for contributors",
    "An incident review for every Sev1",
    "Lift weights 3 days/week",
    "Cycle 2,000 km this year",
    "Number of blog posts is above 20",
    # Work reported done after its noun, shares of our own work closed, unfamiliar verbs.
    "Venue booked by the end of March",
    "User requirements gathered for the new booking system",
    "Close 60% of the findings from the security review",
    "Ratify the new bylaws at the general meeting",
    "Bike to the office 3 times per week",
    # A deadline or a hope before the verb, work named as a noun, vanity after the work.
    "By March 2027, draft a volunteer handbook",
    "We hope to send 400 newsletters a month by the summer",
    "Migration of the intranet to the new host by June 30",
    "20 customer reports published",
])
def test_unfamiliar_wording_of_our_own_work_is_an_output(text: str) -> None:
    assert assess_kr(text).kind == OUTPUT


@pytest.mark.parametrize("text", [
    "Use of the self-service portal up from 30% to 60%",
    "All customers rate onboarding 4 or more",
    "Increase NPS across all customers to 45",
    # "First" opens the name of a measure; a ranking; a level without a verb.
    "First contact resolution rate of 80%",
    "Be the number one rated vendor in the analysts' report",
    "Support backlog below 50 tickets",
    "95% of builds pass on the first try",
    "Make checkout 30% faster",
    "500 customers renewed",
    "Newsletter subscribers grow",
    "Go from 10 to 50 paying customers",
    "Add 300 new paying customers in the Nordics",
    "Ninety percent of licence applications are decided within the statutory timeframe",
    "Staff file expenses in less time compared to the old paper form",
    "Open issue count below 500",
    "Number of active users is above 20,000",
    "Email open rate of 35%",
    "Self-service portal shipped, achieving a 30% adoption rate",
    "EOY 50k monthly active readers",
    "Best-rated app in the App Store category",
    "90% of beneficiaries report improved wellbeing",
    "Staff sickness absence below 3%",
    "Hiring time down to 30 days",
    "Time-to-value < 7 days",
    "Cost-per-lead 40 dollars",
])
def test_a_measure_named_by_a_verb_like_word_stays_an_outcome(text: str) -> None:
    assert assess_kr(text).kind == OUTCOME


@pytest.mark.parametrize("text", [
    "Average time to first reply decreases",
    "Share of invoices paid late falls month over month",
    "Repeat purchases per customer grow each quarter",
    "Number of libraries lending e-books increases.",
])
def test_a_measure_then_the_direction_it_should_move_is_an_outcome(text: str) -> None:
    # Direction-only key results ("... increases") name a change with no number: the rules
    # call that an outcome, and the coach asks for the number rather than calling it work.
    a = assess_kr(text)
    assert a.kind == OUTCOME
    assert any(f.code == "kr.no_target" for f in a.findings)


@pytest.mark.parametrize("text", [
    "500 volunteers sign up for the spring clean-up",
    "70% of teachers use the lesson planner every week",
    "Have 40 people sign up for the beta",
    "500 new developers join our community",
    "Attract 12 new projects to the foundation",
    "Add four new contributors to the steering committee",
    "Convert 20 developers to paying users",
])
def test_people_outside_the_team_doing_something_is_an_outcome(text: str) -> None:
    # Parents, teachers, volunteers, voters ...: the people a public service or a charity
    # serves, counted as they respond, not as our work.
    assert assess_kr(text).kind == OUTCOME


@pytest.mark.parametrize("text", [
    "Ship the dashboard that shows how usage grows",
    "Publish a report on why churn increases",
])
def test_work_about_a_change_stays_work(text: str) -> None:
    assert assess_kr(text).kind == OUTPUT


@pytest.mark.parametrize("text", [
    "Write a blog post that gets 100+ reads from developers",
    "Run 2 user conferences with 90% attendee satisfaction",
    "Give a talk that influences 50+ developers on site",
    "Revamp the online programme to have a 75% participation rate from members",
    "12 videos published, achieving 10,000 views",
])
def test_work_measured_by_the_result_it_reaches_is_an_outcome(text: str) -> None:
    # The work, then the number it should reach: the number is the key result (the
    # labelling rules count visits and reads as outcomes), and the coach quotes the words
    # it read as the result.
    # Such key results pair work with its result, so the coach may ask rather than state.
    a = assess_kr(text)
    assert a.kind == OUTCOME
    assert any(cue.split()[0] in ("that", "with", "to", "achieving") for cue in a.cues), a.cues


@pytest.mark.parametrize("text", [
    "Run 2 meetups with 3 speakers each",
    "Migrate 5 services with zero downtime",
    "Beta programme launched with 10 customers",
])
def test_work_with_a_condition_or_its_participants_stays_work(text: str) -> None:
    assert assess_kr(text).kind == OUTPUT


@pytest.mark.parametrize("text", [
    "Raise unit test coverage to 90%",
    "Cut lint warnings by 50%",
    "Reduce tech debt by 30%",
    "Increase story points delivered per sprint to 40",
    "Static analysis warnings reduced by 40%",
    "90% of the code base typed",
    "Zero ESLint errors across the front end",
    "Reduce ESLint warnings by 50%",
])
def test_an_internal_engineering_proxy_is_an_output(text: str) -> None:
    assessment = assess_kr(text)
    assert assessment.kind == OUTPUT
    output = assessment.finding("kr.output") or assessment.finding("kr.unsure")
    assert output is not None


@pytest.mark.parametrize("text", [
    "Zero critical security incidents",
    "P95 checkout latency is under 300ms",
    "Net revenue retention stays above 110%",
    "Number of active users increases by 20%",
    "Customer satisfaction increased by 5 points",
    "Weigh in at under 80 kg by June",
    "All new forms take less time to complete than the paper ones they replace",
    "Be ranked in the top 3 on G2 for onboarding",
    "Deliver a 10% increase in demo requests over Q2",
    "Enable a 30% reduction of manual work for the support team",
])
def test_a_threshold_or_comparison_without_a_verb_of_change_is_an_outcome(text: str) -> None:
    assert assess_kr(text).kind == OUTCOME


@pytest.mark.parametrize("text", [
    "Have 10 engineers trained in incident response",
    "Rank the backlog by customer value",
    "Deliver a 50% increase in blog posts published",
    "Convert 50 legacy pages to the new CMS",
])
def test_the_same_shapes_around_our_own_work_stay_outputs(text: str) -> None:
    # People we train, a backlog we order, posts we write, pages we move: the words of a
    # ranking, a sized change or a conversion do not make our own work an outcome.
    assert assess_kr(text).kind == OUTPUT


@pytest.mark.parametrize("text", [
    "Make checkout twice as fast",
    "Make onboarding easier for new customers",
    "Make our customers happier",
    "Find $50k in sponsorship",
    "Find at least $20k in funding for the summer programme",
    "Enable the foundation to keep its reserves above $100k",
    "Enable the club to keep its reserves above CHF 20,000",
    "Achieve a customer effort score of over 5.5 for new releases",
    "Average 4 sessions per user per week",
    "Each dashboard is opened 3 times per user per week",
    "Every member takes part in at least 2 community calls",
    "Have 1,000 people engaged in the programme",
    "Build 5 kg of muscle",
])
def test_a_verb_of_work_or_a_count_that_names_a_result_is_an_outcome(text: str) -> None:
    # Made faster or happier, money found, a level kept, a score for our releases, a rate
    # per user, members taking part, people engaged, muscle built: each is a result.
    assert assess_kr(text).kind == OUTCOME


@pytest.mark.parametrize("text", [
    "Talk to 10 customers",
    "Volunteer 4 times this quarter",
    "Help strangers up to 50 times",
    "> 20 pushups each day",
    "One painting a week",
    "Have weekly 1:1s with every direct report",
    "2 diagrams of the service boundaries",
    "Hotel booked by 3 March",
    "Play football at least 12 times",
    "1 diagram of the data flows within the reference architecture",
    "All 10 team leads define their quarterly goals",
    "12 managers write their team's OKRs",
    "Each member of the team writes one blog post",
    "Make 5 onboarding guides easier to follow",
    "Make more videos for the channel",
    "Build 5 dashboards for the sales team",
    "Send 2 emails per customer per month",
])
def test_our_own_activity_and_habits_stay_outputs(text: str) -> None:
    # Conversations held, habits kept, meetings, diagrams, bookings, our own people's
    # work and our own pieces of work made better: what we do, however it is counted.
    assert assess_kr(text).kind == OUTPUT


@pytest.mark.parametrize("text", ["Walk 2 miles a day", "Swim 3 times a week"])
def test_a_habit_of_ours_is_named_as_one(text: str) -> None:
    # A habit's schedule is the labelling rules' own definition of work, so its vote
    # weighs as theirs do ("Lift weights 3 days/week", whose words read like "increase" and
    # a measure, stays an output above, if asked about).
    verdict = assess_kr(text)
    assert verdict.kind == OUTPUT and not verdict.unsure
    assert "a habit of our own" in verdict.finding("kr.output").message


@pytest.mark.parametrize("text", [
    "200 hours of interviews transcribed",
    "150 hours of audio recorded for the speech model",
    "3 annotators for labelling images",
    "12 Python coding standards",
    "I tell the world how I came to the project with a blog post",
    "Better onboarding by writing a starter guide",
    "Publish the roadmap (%)",
    "Do 20 pull-ups every morning",
    "Run 12 training sessions",
])
def test_work_measured_in_hours_people_or_means_stays_an_output(text: str) -> None:
    # Hours of our own data work, people we put on it, standards we write, a personal
    # "I ...", and a change named only through the work that brings it about.
    assert assess_kr(text).kind == OUTPUT


def test_a_change_named_only_through_its_means_is_never_stated_as_an_outcome() -> None:
    # Since round 28's charities joined training, the words of "Improved team focus" lean
    # to an outcome against the rules' reading of the means as the work: the coach asks.
    verdict = assess_kr("Improved team focus by holding no-meeting Wednesdays")
    assert verdict.kind == OUTPUT or verdict.unsure


@pytest.mark.parametrize("text", [
    "Get 10k website visits a month",
    # Search traffic is others' visits too, in sessions or visits.
    "Generate 12,000 web sessions in Q3",
    "Get 3,000 organic visits a month",
    "Have 40 volunteers serving each Sunday",
    "North campus - 150",
    "Forum launched with 60% of members attending",
    "Deadlift 120 kg",
    "Hold a handstand for 30 seconds",
    "Improve retention by running onboarding calls",
])
def test_visits_people_serving_a_bare_target_and_a_level_reached_are_outcomes(
        text: str) -> None:
    # Others' visits to our site, people who give their time, a target under a name, a
    # share of others taking part, a level of fitness reached, and a measure moved by
    # some work.
    assert assess_kr(text).kind == OUTCOME


@pytest.mark.parametrize("text", [
    "ETB 60M in new eGovernment projects",
    "KES 5M in new contracts by December",
    "Deliver bundle revenue",
    "ESAT > 7.7",
    "Automated ticket resolution rate reaches 55%",
    "Meet 100% of SLO targets for the platform",
    "Meet our SLAs for every enterprise customer",
    "5 pilot projects signed with regional ministries",
    "A thousand people understand that we are the leading validator",
    "500 developers know how to deploy with our CLI",
])
def test_money_a_named_level_service_levels_deals_won_and_what_people_know_are_outcomes(
        text: str) -> None:
    # Money under a currency code, money earned, a measure's name and its level, a
    # participle describing a measure that reaches a level, service levels met, deals won,
    # and people who know or understand.
    assert assess_kr(text).kind == OUTCOME


@pytest.mark.parametrize("text", [
    "Fill 8 roles",
])
def test_work_reported_done_in_the_future_stays_an_output(text: str) -> None:
    assert assess_kr(text).kind == OUTPUT


@pytest.mark.parametrize("text", [
    "Product NPS targets: EU 40, US 35",
    "Contract renewals at 95%",
    "Increase platform WAUs",
    "Sales velocity improves by 15%",
    "Deal velocity up 10% in all markets",
    "Build the referral page and reach a 20% referral rate",
    "Ship the new checkout and achieve a 3% conversion rate",
])
def test_real_words_plural_measures_sales_speed_and_work_then_its_result_are_outcomes(
        text: str) -> None:
    # A word of its own is not a mistyped verb ("Product" is not "produce", "Contract" not
    # "contact"); active users counted in the plural are a measure; the speed of deals is
    # a result, a team's velocity a proxy; work then the result it should reach ("... and
    # reach a 20% referral rate") is measured by that result.
    assert assess_kr(text).kind == OUTCOME
    assert assess_kr("Team velocity up 20%").kind == OUTPUT


def test_only_a_slip_of_one_letter_is_read_as_a_mistyped_verb() -> None:
    for typo, verb in [("lauch", "launch"), ("imporve", "improve"), ("arrrange", "arrange"),
                       ("recieve", "receive"), ("increse", "increase")]:
        assert lemma(typo) == verb
    for word in ("project", "product", "sales", "sprint", "center", "delivery", "promoter",
                 "server", "strategies"):
        assert lemma(word) == "", word


def test_every_verdict_has_a_confidence_and_the_words_that_drove_it() -> None:
    for text in ["Launch v3.0 of our platform", "Publish 12 blog posts",
                 "Reduce churn in the enterprise segment to below 5%",
                 "Single sign-on is in place for all internal tools"]:
        assessment = assess_kr(text)
        assert 0.5 <= assessment.confidence <= 1.0
        assert assessment.cues, text
        for cue in assessment.cues:
            assert cue.split()[0].lower() in text.lower(), (cue, text)
    clear = assess_kr("Launch v3.0 of our platform")
    assert clear.confidence >= 0.9 and not clear.unsure
    assert '"Launch"' in clear.finding("kr.output").message


def test_when_unsure_the_coach_asks_instead_of_stating() -> None:
    assessment = assess_kr("Improve our internal on-page optimization")
    assert assessment.unsure
    assert assessment.finding("kr.output") is None
    unsure = assessment.finding("kr.unsure")
    assert unsure is not None and unsure.severity == "info"
    assert unsure.message.startswith(
        "Is this something we do, or a change we want to see?")
    assert unsure.question


@pytest.mark.parametrize("text", [
    # Round 26's lesson (a reach widened) holds in the rules, but since round 43's college
    # programme goals the word model reads "programmes" as our work.
    "Expand impact of our youth programmes",
    # A share of sessions started in the app is usage, as the rules read it; since round
    # 44's plans the model reads "sessions" and "started" as our own work (training
    # sessions, projects started).
    "Over 40% of sessions being started from the mobile app",
    # The rules read work reported done; since round 45's plans the word model reads
    # "teams" counted as others (sports teams, teams adopting a tool).
    "3 new teams will be built and operating in the Lisbon hub",
    # The rules read our own errand by a date; since round 46's plans the model reads
    # "booked" as bookings people make.
    "Flights booked by 2nd May",
    # Since the rules' general votes were halved (chosen forward in time: round by round,
    # the words alone were right more often where the two disagreed), these lessons of the
    # rules meet the words at the line: work reported done ("visited", "sent") and a change
    # or a standard the words read as our own work.
    "12 schools visited by the outreach team",
    "12 schools have been visited by the outreach team",
    "Satisfaction survey sent to all members",
    "Treble the area of wildflower meadow",
    "Renew library cards according to the standards published in the charter",
    # A change that goes on, as the rules read it (round 25's lesson); stated as an
    # outcome at 0.55 until round 51, since when the words lean to our own work at 0.54.
    "Continue to increase the use of the children's area",
    # A share of our own inspections done, as the rules read it (round 32's lesson);
    # stated as an output at 0.62 until round 53, whose service charters time each
    # inspection ("Inspect within 48 hours 99%"), and since then asked at 0.55.
    "% of licensed premises inspected within the year",
    # Our work for the people a programme is for, as the rules read it; asked at 0.56 with
    # the model trained on rounds 1-52 (leaning to our work) and at 0.56 since round 53's
    # lessons (leaning to their graduating).
    "Help girls graduate from high school",
    # A budget spent is an input, our own work's, as the rules read it (round 38's lesson);
    # asked as an output at 0.55 until round 54's plans joined the training rows, and
    # since then asked at 0.54, the words leaning to money spent as a measure.
    "% of the maintenance budget spent",
    # Training we give our own staff, on a schedule (stated as an output until round 57's
    # training rows); since then asked at 0.55, the words leaning to days of training as
    # what staff receive.
    "Every member of staff should receive two days of training a year",
    # A measure named by its noun, as the rules read it (round 50's lesson); stated as an
    # outcome until round 61's charters and plans joined the training rows, and since then
    # asked at 0.54, the words leaning to "local" and "elections" as our own work.
    "Turnout at local elections",
])
def test_near_the_line_the_coach_asks_rather_than_states_either(text: str) -> None:
    # Where the rules and the word model meet at the line, the coach asks, and states
    # neither verdict.
    assessment = assess_kr(text)
    assert assessment.unsure and assessment.finding("kr.unsure") is not None
    assert assessment.finding("kr.output") is None


def test_the_verdict_depends_on_the_text_alone() -> None:
    # The badge, side panel, projector, handout and command line must agree: fields typed
    # next to the text (metric, target) make it measurable but never change the verdict.
    for text in ["Improve the documentation", "Improve onboarding satisfaction",
                 "Launch the partner portal", "Raise NPS from 20 to 35"]:
        bare = assess_kr(text)
        with_fields = assess_kr(text, KeyResult(text=text, metric="CSAT", baseline="3.8",
                                                target="4.5"))
        assert (with_fields.kind, with_fields.confidence, with_fields.unsure) == \
            (bare.kind, bare.confidence, bare.unsure)
        assert with_fields.measurable


def test_the_verdict_is_the_same_in_every_process() -> None:
    # The handout is exported by a process of its own: a typo's correction ("Shore up" one
    # letter from "score" and "share") must not depend on that process's hash seed.
    import json
    import os
    import subprocess
    import sys

    texts = ["Shore up project infrastructure and conformance",
             "Clear & public documentation issues & PR evaluation process",
             "Lauch the partner portal", "Imporve onboarding satisfaction"]
    script = ("import json, sys; from workshop.coach import assess_kr; "
              "print(json.dumps([[a.kind, a.confidence, list(a.cues)] for a in "
              "map(assess_kr, json.loads(sys.argv[1]))]))")
    seen = set()
    for seed in ("1", "2", "3", "5"):
        out = subprocess.run([sys.executable, "-c", script, json.dumps(texts)],
                             env={**os.environ, "PYTHONHASHSEED": seed}, check=True,
                             capture_output=True, text=True).stdout
        seen.add(out)
    assert len(seen) == 1, seen


@pytest.mark.parametrize(("text", "measurable"), [
    ("Aumentar a receita recorrente em 15%", True),
    ("Umsatz im Mittelstand um 20% steigern", True),
    ("Publicar 8 artículos en el blog", True),
    ("Neue Website bis Ende Q2 veröffentlichen", False),
    ("Réduire le taux de désabonnement à 3 %", True),
    ("رفع عدد المشتركين إلى 150", True),
    ("Увеличить выручку на 20%", True),
    ("新規顧客を20%増やす", True),
])
def test_a_key_result_in_another_language_is_asked_about(text: str, measurable: bool) -> None:
    """The coach reads English: in another language its lean is no verdict, so it asks
    and says why ("Aumentar a receita recorrente em 15%" had been stated as an output at
    0.86). A number is read in any language."""
    assessment = assess_kr(text)
    assert assessment.unsure and assessment.confidence == 0.5 and not assessment.cues
    assert not assessment.read and assessment.shown_kind == "" and not assessment.is_output
    asked = assessment.finding("kr.unsure")
    assert asked is not None and "reads English only" in asked.message
    assert asked.question == "Is this something we do, or a change we want to see?"
    assert assessment.measurable is measurable
    assert (assessment.finding("kr.no_target") is None) is measurable


@pytest.mark.parametrize("text", [
    "Migrate gerrit-review CI to LUCI",
    "Deliver efficiencies from Sophos–Secureworks integration",
    "SQO-to-Win 80%, SQL-to-SQO 80%",
    "Grow Ørsted's café partnerships in Malmö to 40",
])
def test_english_with_names_and_jargon_is_still_judged(text: str) -> None:
    assert assess_kr(text).finding("kr.unsure") is None or \
        "English only" not in assess_kr(text).finding("kr.unsure").message


@pytest.mark.parametrize("text", [
    "Staff feel valued",
    "Volunteers feel supported by their coordinators",
    "Members may find what they need without asking",
    "Visitors may better navigate the gallery",
    "Children will discover the joy of music",
    "Older residents learn more about their pension rights",
    "Feels listened to",
    "Likely to recommend - outpatient clinics",
    "Intends to stay with the club next season",
])
def test_what_people_feel_find_or_learn_is_an_outcome(text: str) -> None:
    # People's experience (or a survey item naming it, its subject left out) is a change
    # for people, whatever the words around it, and the coach says whose.
    assessed = assess_kr(text)
    assert assessed.kind == OUTCOME
    assert any(cue.split()[-1] in text.lower() for cue in assessed.cues)


@pytest.mark.parametrize("text", [
    # Round 24's lessons: people's satisfaction named as the measure, whatever it is with;
    # a change named after how it comes; targets of a measure reached.
    "Key stakeholder satisfaction with advice on economic policy",
    "Satisfaction with delivery of state events",
    "Staff satisfaction score of 80%",
    "Year-on-year increase in numbers of qualifiers and finalists",
    "Steady growth in members",
    "Meet our revenue targets",
    "Achieve the annual fundraising target",
    "Achieve sales quota",
    # Round 25's lessons: a measure's name counting what people do of their own accord or
    # send us; a change that goes on.
    "# of new freshmen enrolled",
    "Number of artists participating in Open Studios",
    "# of applications received",
    "No. of members who renewed",
    # Round 26's lessons: a change named as a noun in the plural or in a quality; a
    # quality of the work named as the measure; a reach widened; a rank among peers; a
    # response time counted from each request; a level held, "always".
    "Annual increases in donations from local businesses",
    "Year-on-year improvement in the overall quality of the reading rooms",
    "Effectiveness of our outreach campaigns",
    "Expand the reach of our newsletter",
    "Be placed in the upper quartile of comparable councils for resident satisfaction",
    "Call the resident back within one working day of receiving a complaint",
    "Always maintain >90% fleet availability",
    # Round 27's lessons: a service pledge met for each request, in a time, a share, by the
    # ring or right first time; a benchmark outperformed; what the counted do for
    # themselves.
    "Attend to a reported gas leak within 2 hours",
    "Fix reported faults within 48 hours",
    "Send you a decision within ten working days following your application",
    "Phones answered by the 4th ring",
    "Answer 90% of all calls received",
    "Resolve your complaint at the first point of contact",
    "Fix repairs right first time",
    "Deliver services within published timescales",
    "Outperform the industry benchmark of 80%",
    "No. of smallholders adopting drip irrigation",
    "Number of households using clean cooking fuel",
    # Round 28's lessons: the people a programme is for, as the subject of what they then
    # do; a measure moving, in the progressive or the perfect, set against the way it must
    # not go; a threshold a measure holds ("or higher"); financial ratios as measures.
    "Boys complete secondary school",
    "Older women start their own businesses",
    "2,000 farmers will earn more from their harvest",
    "Tenants with rent arrears stay in their homes",
    "Young people leaving care live independently",
    "Rates of childhood obesity are going down, not up",
    "The gap in attainment between boroughs is narrowing",
    "Repeat admissions will have fallen",
    "Return on equity 12% or higher",
    "Net debt to EBITDA 2.5x or lower",
    "ROCE above 15%",
    "Carbon intensity per tonne of output",
    # Round 29's lessons: when, written before what is measured; a rate over the people
    # it is counted among; a service level within a target time with a word before it;
    # the share of people satisfied with the work.
    "Starting in the year 2024-2025 and on a year-to-year basis, the percentage of students "
    "passing algebra will increase at least 2%",
    "Beginning in 2025 and on an annual basis, the attendance rate will increase by 1%",
    "The number of thefts detected per 100 officers",
    "Hospital admissions for falls per 100,000 population",
    "The percentage of 111 calls answered within the national target time",
    "Proportion of partner agencies satisfied with our advice",
    # Round 30's lessons: a measure's short name before a comparison sign; a ceiling the
    # measure holds; a state that is a measure at its level, after a time and "we will";
    # a gap closed; uptime named as the measure; people counted by what they do.
    "AIFR < 0.8 by 2027",
    "Fault reports not to exceed 2% of tests carried out",
    "Water use capped at 40,000 m3 for 6 sites",
    "By 2028, we will be a net-zero business",
    "Every branch to be financially self-sufficient",
    "We have set ourselves a target to become carbon neutral by 2035",
    "Close the gender pay gap",
    "Website availability - uptime (the proportion of time the site is available)",
    "Number of people shopping with us online",
    "Number of food poisoning outbreaks",
    "Public confidence in the service",
    # Round 31's: pilots converted to paying; the people a programme reaches, counted
    # first; a financial ratio and uptake named as measures; a harm ended.
    "Convert 5 pilots to annual contracts",
    "2 million more people with clean drinking water",
    "3,000 more people with access to legal advice",
    "gearing 25% to 35%",
    "Uptake of the new bus routes",
    "Eradicate child poverty in the borough",
    "End all forms of violence against women",
    # Round 32's: whom it is for, before a comma; a heading before the key result; what
    # the people counted did themselves; the young people a programme reaches, counted;
    # targets reached; an index as the measure.
    "For all pupils, our reading scores will go from 61% to 75%",
    "Attendance: 96% of pupils will attend school every day",
    "% of adults who have completed a health check",
    "120,000 young people aged 11-16",
    "Quarterly sales targets achieved in every region",
    "Corporate reputation index",
    # Round 33's: a share written out ("per cent.") within a time counted in words; people
    # who registered, counted; the people a service is for, or those harmed, counted.
    "To send 70 per cent. of draft permits to applicants within eight weeks of receipt",
    "3,000 registered coaches",
    "Halve the number of young people who leave school without qualifications",
    "Reduce the number of people killed on the county's roads",
    # Round 34's: jobs created in an economy; a time set for each piece of work, or a
    # standard set from outside, met; the people it is for, with access to what they need.
    "Create 2,000 new jobs in the region",
    "Meet statutory timeframes for processing licence applications",
    "Meet or exceed regulatory requirements for river water quality",
    "Ensure that all children have access to a school place",
    "Children have access to a school place",
    # Round 35's: more of someone, there; a maximum wait; a measure trebled; an interval,
    # bursts and non-compliances as measures.
    "There are more girls in science classes",
    "Boiler service interval",
    "Number of water main bursts",
    "Number of planning non-compliances",
    "A maximum wait of 4 weeks for a repair",
    "The number of people killed on the county's roads",
    # Round 36's: a rate or a time named, then defined in brackets; counted sessions that
    # convert; a noun before a number, not a verb; a level of zero kept, or a harm held at
    # nothing; people enabled to achieve something; staff assaulted, counted; a target
    # shared as an ambition.
    "Repeat purchase rate (customers buying twice within 90 days)",
    "Time to first reply (ticket opened to first answer)",
    "2,000 demo sessions convert to a sales call",
    "Emergency 112 calls answered within ten seconds",
    "Ensure no patient waits more than 4 hours in A&E",
    "Ensure that no complaint goes unanswered for more than a week",
    "Create safe workplaces with zero lost-time injuries",
    "Enable 5,000 employees to complete a professional qualification",
    "The number of officers assaulted on duty is below 2 per 100 officers",
    "Setting our target to deliver a 6% operating margin by 2028",
    # Round 37's: a household to have access; the people a service is for, counted while
    # they receive it.
    "Every rural household to have access to clean water",
    "Halve the number of people persistently claiming unemployment benefits",
    # Round 38's: money owed, collected; work done in the time set for each piece; harms
    # of care named as measures; a share held under a ceiling.
    "Percentage of business rates collected",
    "Complaints resolved in agreed time",
    "Supplier invoices paid no later than 30 days from receipt",
    "Discharge letters to be sent within stipulated time",
    "Hospital-acquired pressure ulcers",
    "Ensure fewer than 3% of orders are returned",
    # Round 39's: money owed, recovered; the share of energy that is renewable; a ranking;
    # the shortest possible time; a saving made while serving.
    "Rent arrears of £2m recovered by March",
    "Source 60% of our electricity from renewable sources",
    "Move to 100% renewable power by 2027",
    "Global competitiveness ranking",
    "Answer faults in the shortest possible time",
    "Supply every customer while saving 15% of water used per customer",
    # Round 40's: people helped out of a harm; pupils who obtain something; staff named
    # first, then their measure; value added; fossil fuel free.
    "Help 3,000 families out of fuel poverty",
    "Ensure that all pupils obtain a recognised qualification",
    "Staff retention above 85%",
    "Staff reporting that they feel valued rises to 70%",
    "Value added above the national average in every school",
    "The aim is to become fossil fuel free by 2035",
    # Round 41's: the counted people meeting a standard; prevalence; a unit cost; a
    # standard set for us, met.
    "Increase the number of pupils meeting the reading standard by 5%",
    "Prevalence of smoking among adults",
    "Cost per repair completed",
    "Meet the national standard for ambulance response times",
    # Round 42's: a same-day or next-day standard, a period or a standard specified, a
    # response time as a noun, a schedule agreed; members coming to look like the people
    # served.
    "Deliver parcels handed in before noon on the same working day",
    "Return lost bank cards by the next working day",
    "Issue parking permits within the period as specified in our charter",
    "First reply to customer letters 10 working days",
    "Our aim is that 90% of permits issued will meet the published service standards",
    "Installing water meters within an agreed schedule 95%",
    "Reflect the town's demographics in our volunteer base",
    "Our board will be more representative of the demographic makeup of the county",
    # Round 43's: what learners will be able to do (a learning outcome); a service
    # standard each request is met by; resolved at first contact.
    "Students will be able to interpret a balance sheet",
    "Student will master safe manual handling",
    "Students/Graduates will demonstrate ethical practice",
    "Process 90% of visa applications within our service standards",
    "Resolve your complaint at first contact",
    # Round 44's: requests met on time; a loss as the measure; a target of zero; a pledge,
    # then the change it pledges.
    "Freedom of information requests answered on time",
    "Tenant complaints responded to on time",
    "Revenue loss from missed appointments",
    "We set a target of zero reportable data breaches",
    "We are committed to halving paper use by 2027",
    # Round 45's: a measure in the plural, then "to".
    "Visits to the regional museums",
    # Round 46's: a measure described before it is named; a financial ratio spelled out;
    # what people do through a channel.
    "This goal is tracked by measuring the percent of clients who have received all "
    "follow-up calls",
    "Return on Capital Employed",
    "Achieve 60% of permit applications submitted online",
    # Round 47's: people counted by what they do; a count over a population is a rate; a
    # surplus made; more use of a tool is its adoption.
    "Triple the number of people walking to school",
    "Reach the fewest sick days per 1,000 staff in the sector",
    "Make a healthy operating surplus every year",
    "Increase use of the new intranet tools",
    # Round 48's: a minimum is a level, not a verb; our own kind of thing, won, is a result.
    "Minimum 2 gold medals at the regional games",
    "Increase the number of conferences won by the city to 4 per year",
    # Round 49's: an indicator named by the harm it counts; learners finishing a
    # certificate course.
    "Malaria burden",
    "Post-operative pneumonia",
    "Drug overdoses",
    "Certificate completions: 250",
    # Round 50's: things meeting a standard; a measure named by a noun in "-ment"; people
    # counted by what they do ("who ..."); a harm ended, as a gerund (turnout, a measure,
    # is now asked about: see the sentences near the line).
    "Bathing beaches meeting standards",
    "Employment six months after leaving the programme",
    "Increase the number of people who swim every week",
    "ending hunger in the district",
    # Round 52's: a participle before a plural noun describes it; a time "within
    # established service standards" is a service level.
    "Scheduled operations completed within 18 weeks",
    "Timely handling of enquiries within agreed service standards",
    # Round 53's: a request answered "as soon as possible" or "promptly", and a service
    # charter's time in minutes, are service levels without a number of days.
    "Reply to emails as soon as possible",
    # (Asked at 0.56 with round 55 in the training rows; stated again since round 56's
    # lesson gave a service's time the vote of the labelling rules' definitions.)
    "We will return your calls as soon as we can",
    "Copy of a birth certificate: 15 min",
    "Issuing a building permit: 15 min",
    # Round 54's: people's own visits and loans, counted with a participle of where they
    # made them (not "by" our staff).
    "Number of visits made to our museums and galleries",
    "# of loans completed through the self-service kiosks",
    # Round 55's: an indicator named by the harm it counts: fires, collisions.
    "Accidental dwelling fires",
    "Deliberate secondary fires",
    # Round 56's: a service charter's time is a response or resolution time, which the
    # labelling rules name an outcome: the words may make the coach ask, not overturn it.
    "Repairs to street lights: 3 days.",
    "Personal loans requiring committee approval 8 weeks",
    # Round 57's: people's access made better, named without a verb or a number; work
    # measured by the rating it reaches, the rating named before its level.
    "Better access to affordable childcare",
    "Fairer access to university places",
    "Run 3 webinars with a satisfaction score of 4.5",
    # Round 58's: what people asked in a survey agree with is how they see us; a charter's
    # row met "immediately" is a service's time.
    "Tenants surveyed agreed that repairs were done well",
    "Issue of a trade licence: Immediately on payment",
    # Round 59's: a charter's time in months.
    "Planning permission for a house extension — 2 months",
])
def test_satisfaction_a_qualified_change_and_targets_reached_are_outcomes(text: str) -> None:
    assert assess_kr(text).kind == OUTCOME


@pytest.mark.parametrize("text", [
    "Run a satisfaction survey",
    "Baseline member satisfaction score is established",
    "Customer satisfaction is surveyed through the annual survey",
    "Meet with partners to set targets",
    "Meet the deadline for the grant",
    "Achieve all project milestones",
    "Number of artists who have received a grant",
    "# of benefits information sessions held",
    "Number of workshops held for enrolled students",
    "Continue to provide publicity and feedback",
    "Collect and test 400 water samples each quarter",
    "Delivery of the phase 2 work plan",
    "Improvement of the onboarding documents",
    "Expand the programme to 3 new towns",
    "Call every new member within their first week",
    # A programme's work done to the people it counts, and works built, counted.
    "No. of extension officers trained",
    "Number of farmers issued with seed packs",
    "Number of families received goats through the livestock scheme",
    "Percentage of teachers trained in the new curriculum",
    "Percentage of works on the district hospital wing completed",
    "Construction of 12 classrooms",
    "Submit 5 grant applications within 2 months",
    "Send 20 proposals to funders",
    "Full implementation of the road safety plan",
    # A launch named as a noun.
    "Public launch of the tenants' portal",
    "Seek community support for the new library",
    "Publish 10 case studies or more",
    "Starting a podcast, publish 12 episodes",
    "Hold 4 coaching sessions per 10 staff",
    # Round 30's: things handled, counted, and one new thing made, named as a noun.
    "Number of small business grants processed",
    "Number of hardship grants paid out",
    "Development of a new climate plan by 2026",
    "Close 50 tickets",
    # Round 31's: the unit or the organisation named before "will" and a verb of work.
    "By June 2026, our chapter will hold a fundraising gala to increase member donations",
    "The Museum Service will develop guidelines for loans to community groups",
    "Convert 50 pages to Markdown",
    "End support for Python 3.8",
    # Round 32's: things inspected, doses administered and people placed, counted.
    "Number of flu vaccinations administered to care home staff",
    "Number of apprentices placed with local employers",
    # Round 33's: "our vision is to" leads in to the work.
    "Our vision is to plant 20 new congregations by 2030",
    "Increase the number of people trained in first aid",
    # Round 34's guards: a job description is our work, and a deadline is no target.
    "Create job descriptions for 5 roles",
    "Promulgate new rules on bathing water quality",
    # Round 35's: a service introduced, named as a noun; work reported under way.
    "Introduction of kerbside food waste collections for households",
    "A new volunteering strategy is under development",
    "Travel policies are being drafted",
    "A plan for young people who have left care is under development",
    # Round 36's: work named as a noun; data points gathered; our own staff trained or
    # given training; investments reported under way.
    "Optimisation of the warehouse picking routes",
    "Modernisation and replacement of the ticket machines",
    "Examination of options for a district heating network",
    "Collect 50 data points from field sensors",
    "Have 2,000 colleagues trained in customer vulnerability",
    # A habit of ours, as the rules read it: asked at 0.74 from round 50 (volunteers'
    # hours read as what people give), stated again at 0.77 with round 56 in the training.
    "Volunteer 4 times this quarter",
    "New investments are being planned for the depot",
    # Round 37's: a share of a piece of work named as a noun; things handed out, then how
    # many; the length of what we built.
    "% completion of the new ring road",
    "Leaflets distributed 5,000 - 6,000",
    "Length of cycle lane constructed",
    # Round 38's: memoranda signed are our work; a budget spent is an input.
    "Sign 12 MoUs with industry partners",
    # Round 39's: road works named as nouns.
    "Widening of the ring road by 2026",
    "Dualling of the coast road",
    # Round 40's guard: "to staff" is still a verb.
    "Staff the new help desk with 2 advisers",
    # Round 41's: things inspected or responses coordinated, counted; deadlines met.
    "% of care homes inspected every year",
    "Number of flood responses coordinated",
    "Meeting the grant application deadlines",
    # Round 42's: our own concerts counted, and held at a frequency; a kind of care named
    # "same day" is no time standard.
    "Lead 6 free concerts in local care homes",
    "Staff recitals to be held at least twice a term",
    "Provide 30 same day dental appointments per week",
    # Round 43's: a piece of work named first, whatever measure its name holds; a system's
    # capability for its users stays one.
    "Roll-out of the new Patient Safety Score (PSS) dashboard in March",
    "Users will be able to export reports",
    # Round 45's: what a university produces (publications, patents, theses) and the
    # partnerships it holds, counted, are its work.
    "Lecturer percentage with publications in indexed journals",
    "Have six long-term strategic partnerships with employers",
    # Round 47's: our own vlogs and livestreams counted, with no verb before them.
    "1 vlog at the end of every week",
    "1 livestream every Friday",
    # Round 49's: a practice named by its gerund, then the harm it is there to prevent.
    "Using bed alarms to prevent patient falls",
    "Rotating mattresses to reduce pressure sores",
    # Round 51's: "the quantity of" our own work is its count.
    "Increase quantity of newsletters sent to members",
    # Round 52's: our own work done to a timetable, in the passive.
    "Litter bins are emptied twice a week",
    # Round 54's: a verb of ours after an adverb of how often, and an appraisal named as
    # a noun; visits our staff make stay our work.
    "Regularly measure the speed of our website",
    "We will periodically measure staff engagement",
    "Evaluation of the summer reading scheme",
    "Number of visits made by the outreach officers",
    # Round 55's: advisers, librarians and firefighters are our own people, counted.
    "Increase the number of debt advisers",
    "Recruit 12 more librarians",
    # Round 58's: a charter's row whose cell says how often the work is done.
    "Street sweeping - 2 times a week",
    "Park mowing - 14 days per cycle",
])
def test_the_survey_or_a_meeting_about_targets_stays_an_output(text: str) -> None:
    assert assess_kr(text).kind == OUTPUT


@pytest.mark.parametrize("text", [
    # Round 54's: an assessment, an audit or an appraisal, named as a noun, is a piece of
    # our work; the coach says so rather than asking.
    "Assessment of the condition of all school buildings",
    "Audit of fire doors in council blocks",
])
def test_an_appraisal_named_as_a_noun_is_stated_as_an_output(text: str) -> None:
    verdict = assess_kr(text)
    assert verdict.kind == OUTPUT and not verdict.unsure


@pytest.mark.parametrize(("text", "work"), [
    ("Street cleaning: twice a week", "Street cleaning"),
    ("Toilets are cleaned daily", "Toilets are cleaned"),
    ("Mow the park lawns 3 times a week", "Mow"),
])
def test_a_habit_quotes_the_work_on_the_timetable(text: str, work: str) -> None:
    # The message names the work done to a timetable, not the first word of its name
    # ('"Street" on a schedule is a habit of our own' was shown once).
    findings = [f for f in assess_kr(text).findings if "on a schedule" in f.message]
    assert findings and findings[0].message.startswith(f'"{work}" on a schedule')


@pytest.mark.parametrize("text", [
    # Round 59's: a charter's time read past a condition after it, or past the share of
    # requests to be met so; the labelling rules call a response or resolution time an
    # outcome, so the coach states it.
    "Marriage certificate — Time taken: 2 Hours (if all documents are complete)",
    "Resolve | Medium | 3 days | 85%",
])
def test_a_service_time_before_its_condition_or_share_is_stated_as_an_outcome(
        text: str) -> None:
    verdict = assess_kr(text)
    assert verdict.kind == OUTCOME and not verdict.unsure


@pytest.mark.parametrize(("text", "time"), [
    ("Marriage certificate — Time taken: 2 Hours (if all documents are complete)", "2 hours"),
    ("Resolve | Medium | 3 days | 85%", "3 days"),
])
def test_the_coach_quotes_the_service_time_it_read(text: str, time: str) -> None:
    # The words that drove the verdict are the time the row ends on, read past what follows
    # it, as the verdict reads it (not "resolve", nor the condition's words).
    assert assess_kr(text).cues == (time,)


@pytest.mark.parametrize("text", [
    "Responding to letters — 4 working days",
    "Issuing a parking permit: 5 working days",
])
def test_a_service_and_the_days_it_takes_is_stated_as_a_service_level(text: str) -> None:
    # Round 51's lesson: a service charter's row names the service, then the time it takes
    # (the coach of round 51's scoring asked about both, at 0.55 and 0.63).
    verdict = assess_kr(text)
    assert verdict.kind == OUTCOME and not verdict.unsure


@pytest.mark.parametrize("text", [
    "Users can find the export button",
    "Customers receive a welcome pack",
    "Publish a guide so that users learn the API",
    "Run 4 workshops where teachers learn the new syllabus",
])
def test_what_people_can_do_or_our_work_for_them_stays_an_output(text: str) -> None:
    # A capability ("can") and our work done so that people learn are outputs.
    assert assess_kr(text).kind == OUTPUT


@pytest.mark.parametrize("text", [
    # Round 60's: the measure a piece of work is to be judged by names the change sought;
    # the labelling rules call views, feedback and funding outcomes.
    "The success of the newsletter will be measured by open rates and replies",
    "Webinar series: the impact of the webinars will be assessed through attendee feedback",
])
def test_the_measure_work_is_judged_by_is_an_outcome(text: str) -> None:
    verdict = assess_kr(text)
    assert verdict.kind == OUTCOME and not verdict.unsure


def test_the_coach_quotes_how_the_work_is_judged() -> None:
    cues = assess_kr("The success of the newsletter will be measured by open rates").cues
    assert cues[0] == "measured by"


@pytest.mark.parametrize(("text", "time"), [
    # Round 60's: how long a process takes, said as what to expect, is a service's time.
    ("A passport renewal can take up to 10 working days", "10 working days"),
    ("Refund requests usually take 3-5 business days to process", "3-5 business days"),
])
def test_the_time_a_process_takes_is_a_service_level(text: str, time: str) -> None:
    verdict = assess_kr(text)
    assert verdict.kind == OUTCOME and not verdict.unsure
    assert verdict.cues == (time,)


@pytest.mark.parametrize("text", [
    # Round 60's: "ensure that" opens the work to be done, not a result the work reaches
    # ("Ensuring that the list ... is included in the website three weeks before" was read
    # as work, then the result it is measured by).
    "Ensure that the timetable is published on the website two weeks before term",
    "Ensure the fire doors are inspected four times a year",
])
def test_work_to_be_ensured_done_is_an_output(text: str) -> None:
    assert assess_kr(text).kind == OUTPUT


@pytest.mark.parametrize(("text", "words"), [
    # Round 61's: a service up for a share of the time is its uptime, an outcome as the
    # labelling rules name one ("available" alone reads as a capability made available).
    ("The booking system will be available for 99% of the time",
     "available for 99% of the time"),
    # A charter's cell that gives the time as at once, in other words than "immediately".
    ("Replacement bin request | On the spot", "on the spot"),
    ("Library card renewal: Instantly", "instantly"),
    # A charter's time in "work days".
    ("Answer support tickets | Time to first reply | 2 work days", "2 work days"),
])
def test_uptime_and_a_charters_time_are_stated_as_outcomes(text: str, words: str) -> None:
    verdict = assess_kr(text)
    assert verdict.kind == OUTCOME and not verdict.unsure
    assert verdict.cues[0] == words


@pytest.mark.parametrize("text", [
    # Round 61's: our own work done at a frequency said in words, and ensured carried out.
    "Street sweeping is carried out with the frequency of three times a week",
    "Ensure that the valuation of council houses is carried out 2 times a year",
])
def test_work_at_a_frequency_or_ensured_carried_out_is_an_output(text: str) -> None:
    assert assess_kr(text).kind == OUTPUT
