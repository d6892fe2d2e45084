"""The worked example of the method (for the demo, the docs and the tests), and a
benchmark-sized session. Dates are fixed so handouts made from it are reproducible."""

from __future__ import annotations

from datetime import date, timedelta

from workshop import model
from workshop.flows.stages import STAGE_KEYS
from workshop.model import ORIGIN_FROM_OUTPUT, Workshop


def demo_workshop() -> Workshop:
    """"Become a leader in enterprise AI", rewritten by asking why, as in the method."""
    people = [
        model.Participant("Maria Jensen", "CEO", "maria@example.com"),
        model.Participant("Ahmed Khan", "Head of Product"),
        model.Participant("Sofia Rossi", "Marketing lead"),
        model.Participant("Lars Berg", "Customer Success lead"),
        model.Participant("Yuki Tanaka", "Engineering lead"),
    ]
    maria, ahmed, sofia, lars, yuki = people
    enterprise = model.Strategy("Win the mid-size enterprise segment in the Nordics", "2027-2029")
    adoption = model.Strategy("Be the easiest AI platform to adopt and keep using", "2027-2028")
    context = model.StrategyContext(
        vision="Every organisation can put AI to work safely, without an army of experts.",
        mission="We build the AI platform that enterprise teams trust and actually use.",
        values=["Customers first", "Make it simple", "Learn in the open"],
        strategies=[enterprise, adoption],
    )

    signups = model.KeyResult(
        text="Increase enterprise sign-ups by 25%",
        metric="New enterprise sign-ups per quarter",
        baseline="120", target="150", unit="sign-ups", direction="increase",
        rewritten_from="Launch v3.0 of our platform",
        why_steps=[
            model.WhyStep("Why do we want to launch v3.0 of our platform?",
                    "To increase enterprise adoption."),
            model.WhyStep("Why does more enterprise adoption matter?",
                    "Enterprise teams are our growth market; today too few of them sign up."),
        ],
        actions=[
            model.Action("Launch v3.0 of our platform", yuki.id, date(2027, 2, 26), ORIGIN_FROM_OUTPUT),
            model.Action("Interview 8 enterprise prospects who did not sign up", ahmed.id,
                   date(2027, 1, 22)),
            model.Action("Add a self-serve enterprise trial to the pricing page", sofia.id,
                   date(2027, 2, 12)),
        ],
    )
    churn = model.KeyResult(
        text="Reduce churn in the enterprise segment to below 5%",
        metric="Quarterly enterprise logo churn",
        baseline="8", target="5", unit="%", direction="decrease",
        rewritten_from="Migrate 100% of customers to the new version",
        why_steps=[
            model.WhyStep("Why do we want to migrate 100% of customers to the new version?",
                    "To reduce churn: customers on the old version leave more often."),
        ],
        actions=[
            model.Action("Migrate 100% of customers to the new version", yuki.id,
                   date(2027, 3, 19), ORIGIN_FROM_OUTPUT),
            model.Action("Call every enterprise account with falling usage", lars.id,
                   date(2027, 1, 29)),
            model.Action("Set up a churn-risk dashboard reviewed weekly", ahmed.id,
                   date(2027, 2, 5)),
        ],
    )
    leads = model.KeyResult(
        text="Generate 200 qualified enterprise leads through events",
        metric="Marketing-qualified enterprise leads from events",
        baseline="60", target="200", unit="leads", direction="increase",
        rewritten_from="Host 5 webinars on enterprise AI",
        why_steps=[
            model.WhyStep("Why do we want to host 5 webinars on enterprise AI?",
                    "To generate qualified leads."),
            model.WhyStep("Why do we want more qualified leads?",
                    "Sales needs a fuller enterprise pipeline to hit next year's targets."),
        ],
        actions=[
            model.Action("Host 5 webinars on enterprise AI", sofia.id, date(2027, 3, 26),
                   ORIGIN_FROM_OUTPUT),
            model.Action("Agree a lead-qualification rule with Sales", maria.id, date(2027, 1, 15)),
            model.Action("Book two partner events in Oslo and Stockholm", sofia.id, date(2027, 2, 19)),
        ],
    )
    ttv = model.KeyResult(
        text="Cut time to first value for new enterprise customers from 21 to 7 days",
        metric="Median days from contract to first production use",
        baseline="21", target="7", unit="days", direction="decrease",
        actions=[
            model.Action("Map the onboarding journey with three recent customers", lars.id,
                   date(2027, 1, 20)),
            model.Action("Ship a guided set-up checklist in the admin console", yuki.id,
                   date(2027, 2, 24)),
            model.Action("Run a weekly onboarding clinic for new accounts", lars.id, date(2027, 2, 3)),
        ],
    )
    csat = model.KeyResult(
        text="Raise onboarding satisfaction from 3.8 to 4.5 out of 5",
        metric="Onboarding CSAT survey score",
        baseline="3.8", target="4.5", unit="/ 5", direction="increase",
        actions=[
            model.Action("Send the onboarding survey after day 14 automatically", ahmed.id,
                   date(2027, 1, 27)),
            model.Action("Read every low score within 48 hours and call back", lars.id,
                   date(2027, 2, 10)),
            model.Action("Rewrite the welcome guide with two customers", maria.id, date(2027, 3, 5)),
        ],
    )
    objectives = [
        model.Objective(
            text="Accelerate enterprise AI adoption",
            why_it_matters="Enterprise teams are where we grow; adoption, not features, "
                           "decides whether they stay.",
            strategy_id=enterprise.id, votes=7, selected=True,
            key_results=[signups, churn, leads],
        ),
        model.Objective(
            text="Make onboarding effortless for new enterprise customers",
            why_it_matters="Slow onboarding is the first reason accounts stall.",
            strategy_id=adoption.id, votes=5, selected=True,
            key_results=[ttv, csat],
        ),
        model.Objective(text="Become a leader in enterprise AI", votes=3,
                  why_it_matters="(The first draft; the room sharpened it.)"),
        model.Objective(text="Continue improving product quality", votes=1),
    ]
    checklist = [
        model.ChecklistAnswer(1, True),
        model.ChecklistAnswer(2, True, "After asking why, all five are outcomes."),
        model.ChecklistAnswer(3, True),
        model.ChecklistAnswer(4, False, "Five KRs is on the edge; we keep them for one quarter."),
        model.ChecklistAnswer(5, True),
        model.ChecklistAnswer(6, True),
    ]
    return Workshop(
        title="Q1 2027 OKRs: Enterprise growth",
        client="Nordlys AI",
        team="Leadership team",
        facilitator="Kari Nilsen",
        workshop_date=date(2026, 12, 10),
        period_label="Q1 2027",
        period_start=date(2027, 1, 1),
        period_end=date(2027, 3, 31),
        first_time=True,
        agenda_template="2h",
        current_stage=STAGE_KEYS[0],
        participants=people,
        context=context,
        objectives=objectives,
        checklist=checklist,
        cadence=model.Cadence("weekly", 0, date(2027, 2, 15), date(2027, 4, 1)),
    )


# Sizes of the benchmark session by scale: (objectives, actions, participants); three
# key results per objective. 1x is the size a real large workshop reaches; 3x and 10x
# show how each cost grows with the session.
LARGE_SCALES: dict[int, tuple[int, int, int]] = {1: (5, 60, 20), 3: (15, 200, 30),
                                                 10: (50, 600, 60)}


def large_workshop(scale: int = 1) -> Workshop:
    """A benchmark-sized session. 1x: 5 objectives, 15 KRs, 60 actions, 20 participants;
    3x: 15/45/200/30; 10x: 50/150/600/60."""
    try:
        objective_count, action_count, people_count = LARGE_SCALES[scale]
    except KeyError:
        raise ValueError(f"scale must be one of {sorted(LARGE_SCALES)}, not {scale!r}") \
            from None
    ws = demo_workshop()
    ws.title = ("Benchmark session: five objectives" if scale == 1
                else f"Benchmark session: {objective_count} objectives ({scale}x)")
    ws.participants = [model.Participant(f"Participant {i + 1:02d}", "Team member")
                       for i in range(people_count)]
    strategies = ws.context.strategies
    kr_count = objective_count * 3
    # The actions spread as evenly as they go: the first KRs take one more when the
    # count does not divide (200 actions over 45 KRs).
    per_kr, spare = divmod(action_count, kr_count)
    ws.objectives = []
    made = 0  # actions so far: owners and due dates cycle through the whole session
    for o in range(objective_count):
        krs = []
        for k in range(3):
            n = o * 3 + k
            actions = []
            for a in range(per_kr + (1 if n < spare else 0)):
                actions.append(model.Action(
                    f"Action {a + 1} for key result {n + 1}: talk to customers and "
                    f"try one improvement",
                    ws.participants[made % people_count].id,
                    date(2027, 1, 8) + timedelta(days=made % 80),
                    ORIGIN_FROM_OUTPUT if a == 0 else "planned"))
                made += 1
            krs.append(model.KeyResult(
                text=f"Raise metric {n + 1} from {20 + n} to {40 + n} percent",
                metric=f"Metric {n + 1}", baseline=str(20 + n), target=str(40 + n), unit="%",
                direction="increase",
                rewritten_from=f"Ship deliverable {n + 1}" if k == 0 else "",
                why_steps=[model.WhyStep(f"Why do we want to ship deliverable {n + 1}?",
                                   "So that customers get more value from us.")] if k == 0 else [],
                actions=actions,
            ))
        ws.objectives.append(model.Objective(
            text=f"Objective {o + 1}: make customers measurably more successful",
            why_it_matters="Because it matters to the people we serve.",
            strategy_id=strategies[o % len(strategies)].id, votes=max(0, 5 - o),
            selected=True, key_results=krs,
        ))
    return ws
