"""The worked example of the method (for the demo, the docs and the tests), and a
benchmark-sized session. Dates are fixed so handouts made from it are reproducible."""

from __future__ import annotations

from datetime import date, timedelta

from workshop.model import (
    ORIGIN_FROM_OUTPUT,
    Action,
    Cadence,
    ChecklistAnswer,
    KeyResult,
    Objective,
    Participant,
    Strategy,
    StrategyContext,
    WhyStep,
    Workshop,
)


def demo_workshop() -> Workshop:
    """"Become a leader in enterprise AI", rewritten by asking why, as in the method."""
    people = [
        Participant("Maria Jensen", "CEO", "maria@example.com"),
        Participant("Ahmed Khan", "Head of Product"),
        Participant("Sofia Rossi", "Marketing lead"),
        Participant("Lars Berg", "Customer Success lead"),
        Participant("Yuki Tanaka", "Engineering lead"),
    ]
    maria, ahmed, sofia, lars, yuki = people
    enterprise = Strategy("Win the mid-size enterprise segment in the Nordics", "2027-2029")
    adoption = Strategy("Be the easiest AI platform to adopt and keep using", "2027-2028")
    context = StrategyContext(
        vision="Every organisation can put AI to work safely, without an army of experts.",
        mission="We build the AI platform that enterprise teams trust and actually use.",
        values=["Customers first", "Make it simple", "Learn in the open"],
        strategies=[enterprise, adoption],
    )

    signups = KeyResult(
        text="Increase enterprise sign-ups by 25%",
        metric="New enterprise sign-ups per quarter",
        baseline="120", target="150", unit="sign-ups", direction="increase",
        rewritten_from="Launch v3.0 of our platform",
        why_steps=[
            WhyStep("Why do we want to launch v3.0 of our platform?",
                    "To increase enterprise adoption."),
            WhyStep("Why does more enterprise adoption matter?",
                    "Enterprise teams are our growth market; today too few of them sign up."),
        ],
        actions=[
            Action("Launch v3.0 of our platform", yuki.id, date(2027, 2, 26), ORIGIN_FROM_OUTPUT),
            Action("Interview 8 enterprise prospects who did not sign up", ahmed.id,
                   date(2027, 1, 22)),
            Action("Add a self-serve enterprise trial to the pricing page", sofia.id,
                   date(2027, 2, 12)),
        ],
    )
    churn = KeyResult(
        text="Reduce churn in the enterprise segment to below 5%",
        metric="Quarterly enterprise logo churn",
        baseline="8", target="5", unit="%", direction="decrease",
        rewritten_from="Migrate 100% of customers to the new version",
        why_steps=[
            WhyStep("Why do we want to migrate 100% of customers to the new version?",
                    "To reduce churn: customers on the old version leave more often."),
        ],
        actions=[
            Action("Migrate 100% of customers to the new version", yuki.id,
                   date(2027, 3, 19), ORIGIN_FROM_OUTPUT),
            Action("Call every enterprise account with falling usage", lars.id,
                   date(2027, 1, 29)),
            Action("Set up a churn-risk dashboard reviewed weekly", ahmed.id,
                   date(2027, 2, 5)),
        ],
    )
    leads = KeyResult(
        text="Generate 200 qualified enterprise leads through events",
        metric="Marketing-qualified enterprise leads from events",
        baseline="60", target="200", unit="leads", direction="increase",
        rewritten_from="Host 5 webinars on enterprise AI",
        why_steps=[
            WhyStep("Why do we want to host 5 webinars on enterprise AI?",
                    "To generate qualified leads."),
            WhyStep("Why do we want more qualified leads?",
                    "Sales needs a fuller enterprise pipeline to hit next year's targets."),
        ],
        actions=[
            Action("Host 5 webinars on enterprise AI", sofia.id, date(2027, 3, 26),
                   ORIGIN_FROM_OUTPUT),
            Action("Agree a lead-qualification rule with Sales", maria.id, date(2027, 1, 15)),
            Action("Book two partner events in Oslo and Stockholm", sofia.id, date(2027, 2, 19)),
        ],
    )
    ttv = KeyResult(
        text="Cut time to first value for new enterprise customers from 21 to 7 days",
        metric="Median days from contract to first production use",
        baseline="21", target="7", unit="days", direction="decrease",
        actions=[
            Action("Map the onboarding journey with three recent customers", lars.id,
                   date(2027, 1, 20)),
            Action("Ship a guided set-up checklist in the admin console", yuki.id,
                   date(2027, 2, 24)),
            Action("Run a weekly onboarding clinic for new accounts", lars.id, date(2027, 2, 3)),
        ],
    )
    csat = KeyResult(
        text="Raise onboarding satisfaction from 3.8 to 4.5 out of 5",
        metric="Onboarding CSAT survey score",
        baseline="3.8", target="4.5", unit="/ 5", direction="increase",
        actions=[
            Action("Send the onboarding survey after day 14 automatically", ahmed.id,
                   date(2027, 1, 27)),
            Action("Read every low score within 48 hours and call back", lars.id,
                   date(2027, 2, 10)),
            Action("Rewrite the welcome guide with two customers", maria.id, date(2027, 3, 5)),
        ],
    )
    objectives = [
        Objective(
            text="Accelerate enterprise AI adoption",
            why_it_matters="Enterprise teams are where we grow; adoption, not features, "
                           "decides whether they stay.",
            strategy_id=enterprise.id, votes=7, selected=True,
            key_results=[signups, churn, leads],
        ),
        Objective(
            text="Make onboarding effortless for new enterprise customers",
            why_it_matters="Slow onboarding is the first reason accounts stall.",
            strategy_id=adoption.id, votes=5, selected=True,
            key_results=[ttv, csat],
        ),
        Objective(text="Become a leader in enterprise AI", votes=3,
                  why_it_matters="(The first draft; the room sharpened it.)"),
        Objective(text="Continue improving product quality", votes=1),
    ]
    checklist = [
        ChecklistAnswer(1, True),
        ChecklistAnswer(2, True, "After asking why, all five are outcomes."),
        ChecklistAnswer(3, True),
        ChecklistAnswer(4, False, "Five KRs is on the edge; we keep them for one quarter."),
        ChecklistAnswer(5, True),
        ChecklistAnswer(6, True),
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
        current_stage="setup",
        participants=people,
        context=context,
        objectives=objectives,
        checklist=checklist,
        cadence=Cadence("weekly", 0, date(2027, 2, 15), date(2027, 4, 1)),
    )


def large_workshop() -> Workshop:
    """A benchmark-sized session: 5 objectives, 15 KRs, 60 actions, 20 participants."""
    ws = demo_workshop()
    ws.title = "Benchmark session: five objectives"
    ws.participants = [Participant(f"Participant {i + 1:02d}", "Team member")
                       for i in range(20)]
    strategies = ws.context.strategies
    ws.objectives = []
    for o in range(5):
        krs = []
        for k in range(3):
            n = o * 3 + k
            actions = [
                Action(f"Action {a + 1} for key result {n + 1}: talk to customers and "
                       f"try one improvement",
                       ws.participants[(n * 4 + a) % 20].id,
                       date(2027, 1, 8) + timedelta(days=(n * 4 + a) % 80),
                       ORIGIN_FROM_OUTPUT if a == 0 else "planned")
                for a in range(4)
            ]
            krs.append(KeyResult(
                text=f"Raise metric {n + 1} from {20 + n} to {40 + n} percent",
                metric=f"Metric {n + 1}", baseline=str(20 + n), target=str(40 + n), unit="%",
                direction="increase",
                rewritten_from=f"Ship deliverable {n + 1}" if k == 0 else "",
                why_steps=[WhyStep(f"Why do we want to ship deliverable {n + 1}?",
                                   "So that customers get more value from us.")] if k == 0 else [],
                actions=actions,
            ))
        ws.objectives.append(Objective(
            text=f"Objective {o + 1}: make customers measurably more successful",
            why_it_matters="Because it matters to the people we serve.",
            strategy_id=strategies[o % len(strategies)].id, votes=5 - o, selected=True,
            key_results=krs,
        ))
    return ws
