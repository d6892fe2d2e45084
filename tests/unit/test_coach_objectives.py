"""Objectives: business as usual (wording and routine duties), deliverables, vagueness."""

from __future__ import annotations

import pytest

from workshop.coach import check_objective


def codes(text: str) -> set[str]:
    return {f.code for f in check_objective(text)}


@pytest.mark.parametrize("text", [
    "Run the monthly payroll",
    "Support the sales team",
    "Answer customer emails",
    "Process all invoices on time",
    "Host the weekly all-hands",
    "Core support for the data platform",
    "Effectively communicate our financial outlook to members",
    "Engage in marketing activities",
    # Duties on a fixed cadence, on time, kept compliant, or a queue answered.
    "Publish the weekly newsletter",
    "Close the books every month",
    "Prepare the annual accounts",
    "Pay suppliers and staff on time",
    "Answer customer emails within a day",
    "Ensure compliance with GDPR",
    "Handle IT requests from staff",
    "Build and maintain our relationships with local charities",
    "Deliver council services effectively and efficiently",
    "Develop, maintain and promote our testing tools",
    "Provide payroll services to the organisation",
    "Support customers via chat and email",
    "Handle vendor contracts and renewals",
    "Review pull requests from contributors",
    "Answer questions on the forum",
    "Support the finance team with monthly reporting",
    "Provide IT support to all staff",
    "Complete the year-end accounts",
    "Attend all sprint ceremonies",
    "Publish at least one blog post every two weeks",
    "Send the board report once a month",
    "Provide orientation and instruction to first-year students",
    "Provide guidance to managers on hiring",
    "Prepare the fiscal-year report",
    # The same event year after year.
    "Organise Open Days 2025, 2026, 2027",
    # Taking part in work that already runs, looking after it, serving someone else's plans.
    "Contribute to the city's open data portal",
    "Steadily contribute to the shared component library",
    "Steady stream of fixes to the user guide",
    "Be a good steward of the projects we host",
    "Support Priya's goals for the quarter",
    "Listen to our members and meet their needs",
    # Keeping a team staffed.
    "Hire and keep great people",
    "Recruit and onboard volunteers for the food bank",
    # Upkeep that never ends: queues, the rota, renewals, patches, books, versions.
    "Triage incoming issues",
    "Moderate the community chat",
    "Reply to all customer emails",
    "Apply security patches",
    "Provide on-call coverage for production",
    "Close the quarter's books",
    "Renew our ISO 27001 certification",
    "Pass the annual SOC 2 audit",
    "Back up our databases every night",
    "Release a new version every six weeks",
    # Work off a queue, backups, follow-ups, a school's and a council's own duties.
    "Process 300 customer refund requests",
    "Fix production bugs",
    "Complete all assigned tickets",
    "Perform database backups",
    "Follow up with leads",
    "Teach the curriculum",
    "Grade student assignments",
    "Collect council tax",
    # Staffing with the best people is still staffing; running well what already runs.
    "Recruit and retain exceptional teachers",
    "Provide hands-on digital skills training to staff",
    "The support team demonstrates operational excellence",
    # Any work done always or regularly.
    "Ensure the website is always available",
    "Upgrade dependencies regularly",
    # A health metric as the objective, and the team's shorthand for keeping the lights on.
    "Operational health",
    "KTLO",
    # Hitting the numbers and working through the plan the business already runs on.
    "Hit our monthly sales quota",
    "Achieve our sales targets",
    "Hit plan",
    "Execute our roadmap",
    "Complete the sprint backlog",
    "Finish all planned features",
    "Do our jobs well",
    # Records kept current, and a service level kept.
    "Update the CRM",
    "Groom the backlog",
    "Track expenses",
    "Ensure 99.9% uptime",
    "Release on schedule",
    # Standing duties of a team's people, and headings that name upkeep.
    "Mentor junior engineers",
    "Coordinate with other teams",
    "Participate in the working group",
    "Represent the project at conferences",
    "Customer support",
    "Bug fixes",
    "Maintenance and bug fixes",
    "Security updates",
    "Availability",
    # A service given well is still the service; a public body's and a charity's duties.
    "Provide excellent customer service",
    "Provide outstanding service to our members",
    "Respond quickly to customer requests",
    "Issue permits",
    "Inspect restaurants",
    "Care for patients",
    "Hold services every Sunday",
    "Thank our donors",
    # The books and the back office.
    "Do the bookkeeping",
    "Audit the accounts",
    "Fill open positions",
    # Numbered, or after a theme: the objective is read from what follows.
    "Objective 2: Maintain our current customers",
    "O1: Run the monthly payroll",
    "Goal 3 - Keep the lights on",
    "Reliability: keep our services up",
    # Upkeep seen or in brackets, working well as such, the organisation's health kept.
    "All our systems are maintained and patched",
    "Member services are managed to a high standard",
    "Regional office network (maintain coverage)",
    "Execute with focus and quality",
    "Ensure the charity's long-term financial stability",
    # The sales funnel's and a data team's daily work.
    "Generate leads for sales",
    "Nurture existing leads",
    "Gather customer feedback",
    "Review designs from other teams",
    "On-call support for the data platform",
    # Upkeep seen as a state, work already under way, a position held.
    "Our servers are patched and monitored",
    "Product docs stay up to date",
    "Design support for projects already in flight",
    "Hold our position in the app store rankings",
    # A function's own support or care, named as a heading or a theme.
    "HR support for the Paris office",
    "Pastoral care for boarders",
    "Payroll",
    "Maintenance: renew certificates and rotate keys",
    # A cadence at the start, a current thing managed, a service delivered, the budget round.
    "Weekly team retro",
    "Quarterly board pack",
    "Every month, close the books",
    "Manage current suppliers",
    "Mark homework within two weeks",
    "Deliver library services to the public",
    "Prepare the annual budget",
    # Said outright or kept in date; work that comes as it comes; a state kept routinely.
    "Stand-ups at 9:15 every morning - keep them going",
    "Keep supporting Node 18 and 20 (no change to the matrix this year)",
    "All nurses continue to meet their revalidation requirements",
    "First-aid certificates in date for every warden",
    "Staff directory kept current",
    "Annual mandatory training for the whole office",
    "Weekend cover rota",
    "Answer press enquiries as they come in",
    "Builds stay green on the release branch",
    "Fire alarm tests completed weekly",
    "Monthly lunch with the volunteers who run the shop",
    "Pay suppliers within 30 days",
    "Submit VAT returns before each deadline",
    "Refresh shelves on the regional schedule",
    "Estates: grounds care",
    # Carried over in so many words, a level held, service hours kept, routine done.
    "Quiz night as last year",
    "Same as H1: two member surveys",
    "Volunteer newsletter six times a year (no change)",
    "Referral times stay below four weeks",
    "Complaints answered at or above the 90% standard",
    "Front desk open 9am-5pm Monday to Friday",
    "Fire doors audited monthly at every site",
    "Timesheets approved every Friday",
    "Year-end: accounts filed with the registrar by 31 December",
    # Checks and returns on a cadence or a plan, work carried over, a level or a service held.
    "Annual boiler servicing for every property",
    "Fire risk assessments every 12 months",
    "Hedge cutting on the rolling programme",
    "Finish the features that slipped from last quarter",
    "Hold occupancy at 85% through the winter",
    "Every grant report sent to funders on time",
    "Quarterly returns submitted to the regulator",
    "Pupil reviews for every class every term",
    "Answer every walk-in patient the same day",
    "Incident triage per the runbook",
    "Close my assigned tickets each sprint",
    # A level held or kept at all times, work on request, last year's plan, reviews held.
    "Claims reserves - hold accuracy within 5% at year end",
    "Renewal rate 90% (hold steady)",
    "Permits and risk registers current at all times",
    "Training records up to date for every volunteer",
    "Patient follow-up calls continue (weeks 6-12)",
    "Help the sales team with demos when asked",
    "Collections in line with last year's plan",
    "Key accounts: quarterly account reviews held",
    "Run QBRs with every enterprise customer",
    "Answer every escalation within 4 business hours",
    "Decide licence applications within statutory timescales",
    "Farm shop open seven days a week, May to September",
    "Drive-time show live 4-7pm on weekdays",
    "Scores prepared for every concert",
    # First aid is training, all new cases are the flow of work; contracts, queues, CPD.
    "First aid certificates kept in date for all coaches",
    "Assess all new referrals within 48 hours",
    "Readmission checks 95% (as per last year)",
    "Post twice a week on LinkedIn as per the retainer agreement",
    "Work the refunds queue to SLA",
    "Every surveyor completes their annual CPD",
    "Deliver the Stage 3 report on programme",
    "Leaflets handed out at all open days",
    "Chase invoices 30 days overdue",
    # Within the SLA or the window, a level held, upkeep after a dash, in date, ad hoc work.
    "Reply to every complaint within the 10-day SLA",
    "Finish all warranty repairs within the manufacturer's window",
    "Bed occupancy held at 90% or more",
    "Gym floor - hold current membership numbers",
    "Archive stores maintained within conservation limits",
    "Tidy, stocked, open - maintain the store standards score",
    "Test the fire alarms on the first Monday of each month",
    "Make sure every driver has a valid licence check",
    "Steward coverage for every home match",
    "Answer ad hoc questions from the board",
    "Keep digitising the photo archive at the current rate",
    "Annual mandatory training for all ward staff (manual handling, moving patients, safeguarding)",
    # Done well on a cadence is still done on the cadence; a safe workplace kept; standards
    # followed; the communication and workflows a team keeps up.
    "Run an excellent meetup, once a month.",
    "Publish a high-quality newsletter every week",
    "Host a world-class open day every year",
    "Provide a safe and healthy workplace for all staff",
    "Ensuring a safe environment for visitors and volunteers",
    "Follow our coding standards in every pull request",
    "Enforce the house style and accessibility standards",
    "Ensure regular communication with parents about homework",
    "Ensure smooth workflows between the front desk and the lab",
    # A unit's standing functions, as public bodies' plans write them: several duty verbs
    # at once, a service provided, the whole of a workload, statutory requirements, a
    # queue's service level (in words or with a share), a floor, upkeep on a schedule.
    "To prepare, administer and monitor the department's grants",
    "Review, approve and file all building permits",
    "Curate and manage the photo archive",
    "To provide, update, and monitor the intranet",
    "Provide programmes and classes for older residents",
    "Deliver safe, compassionate care",
    "Provide all cleaning and repairs to the council's housing stock",
    "Inspect all food premises in the borough",
    "Perform all statutory reporting requirements before the end of March",
    "Meet all payroll deadlines set by the finance office",
    "Answer 90% of calls within two minutes",
    "Process 95% of planning applications within eight weeks of receipt",
    "Resolve 80% of IT queries on first contact",
    "Deliver a minimum of 500 meals a week to housebound residents",
    "Server patching will be performed on scheduled maintenance nights",
    "Assist staff in using the finance system",
    "Ensure GDPR compliance across every team",
    "Rescue a minimum of 40 tonnes of surplus food",
    "Firewall maintenance will be carried out on published dates",
    "Callers will receive a prompt, courteous service from the front desk",
    "Estates: to provide cleaning and portering services across the hospital",
    "Attract and retain skilled care workers",
    "Have the right people with the right skills in the right roles",
    "Use public funds wisely",
    # Round 22's lessons: a body's own name before "will" ("The Library will maintain
    # ..."), a charter's number in words and figures ("within five (5) minutes"), a
    # function named as a heading, an environment provided, contributions recognised.
    "The Library will maintain its opening hours",
    "The Parks Division shall provide safe play areas",
    # Round 23's lessons: a pledge before the duty ("We pledge to ...", "aiming to ...").
    "We pledge to answer all letters from the public",
    "We aim to process the claims on time",
    "aiming to handle every complaint courteously",
    "Answer the counter within five (5) minutes",
    "Hold Quality Review Meetings at least once (1) a year",
    "Fiscal Responsibility",
    "Sound Management",
    "Crime Prevention",
    "Provide a safe, accessible environment for visitors and staff",
    "Provide a welcoming and inclusive place for every reader",
    "Recognise volunteer contributions and celebrate success",
    # Round 24's lessons: a standing value and a standing manner of working.
    "Place our customers at the heart of everything we do",
    "Always Safe: the service will put safety first in everything it does",
    "Practice continual business improvement",
    "Consolidate and improve our core business as a social landlord",
    "Be affordable and fair",
    "Be easy to deal with",
    "Be financially responsible and transparent",
    # Round 25's lessons: the duty said in the present, a body that works to do it, and
    # work done every year.
    "We provide well-maintained team kit, grounds and player resources",
    "We deliver resources, technology, events and services to support student success",
    "The Library works to provide a positive experience in every interaction",
    "Ensure all council policies are reviewed annually and updated as necessary",
    "Review the fee schedule annually",
    # Round 26's lessons: a service given to the people it is for, or help given; a list
    # of a unit's functions among other verbs; round-the-clock service; a standing role.
    "To provide every pupil the chance to take part in after-school clubs",
    "Offering members a range of social events",
    "Providing practical advice to small businesses on export rules",
    "Schedule, staff, operate and maintain the county's community centres",
    "Provide 24 hour cover with an on-call duty officer",
    "To serve as a trusted source of local history for the town",
    "Provide reference help to library users",
    # Round 27's lessons: a standing duty reported as kept; dealing fairly with what comes.
    "Road safety ensured",
    "Water supply to the islands sustained",
    "Judicial independence upheld and protected",
    "We will deal courteously with all enquiries",
    # A service given, in the passive; duties the law sets; stewardship of money.
    "Tenants are provided with a repairs service",
    "Library services are provided efficiently",
    "Inspect all premises in accordance with the legislation",
    "Deliver within the approved budget",
    "Making the best use of public funds",
    # A duty done at its cost or within its prescribed time; a function named as a noun.
    "Deliver inspections at a reasonable cost",
    "Processing of benefit claims within the prescribed timeframe",
    "Co-ordination of the regional resilience forum",
    # A standing promise of the service, and "continue" after a theme's dash.
    "Always treat every caller with courtesy and respect",
    "Youth clubs - continue to offer weekly drop-in sessions",
    # Duties held by office, governance as such, and what an organisation keeps up.
    "Discharge the council's statutory duties for licensing",
    "Strong governance and sound finances",
    "The Trust maintains its network of walking routes",
    "The collection and compilation of housing statistics",
    # A unit's standing duty, said of it; a service named by how it is given.
    "Facilities is responsible for keeping all sites safe and clean",
    "Reliable and affordable bus services",
    "Effective management of customer complaints",
    "Sound legal advice",
    # Upkeep said after a lead-in; documentation kept current.
    "It is essential to maintain our strong balance sheet",
    "As prices rise, it is our goal to remain the region's most trusted lender",
    "Ensure that the online help is kept up to date with each release",
    # The organisation, by name, doing now what it does; keeping what exists.
    "Harbourside supports the schools we serve",
    "Protect the county's historic buildings",
    "To conserve the museum's collections",
    # A charter's standing promise of the service.
    "The Trust is committed to providing safe, clean parks",
    "We are dedicated to offering reliable ferry crossings",
    # What an organisation with a longer name keeps up.
    "The City Water Board maintains safe drinking water for every home",
    # A duty done as people must be treated.
    "Handle tenants' complaints with courtesy and honesty",
    "We are committed to giving every tenant a fair hearing",
    "Promotion of healthy eating in schools",
    # A place kept safe is upkeep ("Keep patients safe" names who benefits).
    "Maintain a safe and welcoming reading room",
    # Round 60's: the duty the organisation holds, named so.
    "Responsible for licensing street traders in the borough",
    "It is our duty to keep the harbour open to shipping",
    "The mandate given to us under the Libraries Act is to lend books to every resident",
    # Round 61's: a charter's pledge of the service.
    "We promise to provide friendly and reliable bus services",
    "The staff of the registry, with full commitment, pledged to provide quality service",
])
def test_a_routine_duty_written_as_a_goal_is_business_as_usual(text: str) -> None:
    found = codes(text)
    assert "objective.business_as_usual" in found
    assert "objective.deliverable" not in found


@pytest.mark.parametrize("text", [
    "Continue to run our meetups",
    "Maintain our market position in the Nordics",
    "Keep the lights on for legacy customers",
    "Upgrade to the current database release",
    "Upgrade Kubernetes to the latest version",
    "Do our usual onboarding for new hires",
    "Do our BAU well",
    # Round 60's: carrying on, after a modal or a wish.
    "We have a strong choir, and we will continue to build upon it",
    "We shall therefore, continue to train our volunteers every spring",
    "Our goal being to continue to offer free legal clinics",
])
def test_continue_and_maintain_wording_is_still_business_as_usual(text: str) -> None:
    assert "objective.business_as_usual" in codes(text)


@pytest.mark.parametrize("text", [
    "Grow the monthly meetup into a regional conference",
    "Offer customers a loyalty scheme",
    "Provide students with new laptops",
    "Maintain the branch network and open a new branch in Leeds",
    "Clean water for all households ensured",
    "Access to broadband in rural areas ensured",
    "Be more transparent with our customers",
    "We provide new services to rural patients",
    "We reinforce our business lead sourcing",
    "Grow membership annually by 10%",
    "Be the fairest lender in Kenya",
    "Consolidate and improve our market share in Asia",
    "Run our first customer conference",
    "Support new customers to adopt the API faster",
    "Make onboarding effortless for new customers",
    "Meet the compliance needs of 5 customers we cannot serve today",
    "Close 50 new deals in the Nordics",
    "Increase compliance with safety standards across all sites",
    "Hold the first annual community summit",
    "Provide the best support experience in our industry",
    "Own the self-serve analytics market in Europe",
    "Provide new services to rural patients",
    "Support the growth of our volunteer community",
    # Contributing to something yet to be done; a number, a first or one role to fill.
    "Contribute to building a regional data hub",
    "Onboard three new maintainers",
    "Recruit 20 volunteers for the new food bank",
    "Hire our first designer",
    "Hire a head of sales",
    # A one-off, even with a duty's verb.
    "Pass the bar exam",
    "Teach Python to 50 girls in Nairobi",
    "Collect feedback from 100 new users",
    "Release a new version of the mobile app",
    "Fix foundational issues that hold back adoption",
    # What others do well is no duty of ours.
    "Customers check out quickly and correctly on every device",
    # Getting out of the routine, or making it better, is a change.
    "Work ourselves out of the day-to-day running of the shop",
    "Optimize operational excellence across our plants",
    # Going back to a former state is a change from today's.
    "Get back to a healthy weight",
    "Get back to playing in a band",
    # A target that is a measure of its own, a plan in a new place, a better service, and
    # taking part in work yet to be done.
    "Achieve budget variance of less than 5%",
    "Execute our go-to-market plan in the new region",
    "Better customer support",
    "Participate in moving the config tables to their subsystems",
    "Mentor five new maintainers",
    "Deliver a unified experience so that customers can quickly find what they need",
    "Issue our first green bond",
    # How good it should be, or growth that is regular.
    "JavaScript: Deliver first-class JS experiences",
    "Our systems are managed as code",
    "Nurture the growth of a high-performing data team",
    "Generate public interest in rewilding",
    # A comparison with today, a change word, one thing done once, a measure's name.
    "Close the month in 3 days instead of 8",
    "Streamline our support operations",
    "Run a marathon",
    "Weekly active teams in every region",
    # Kept, but changed.
    "Keep the Saturday clinic but take bookings online",
    "Maintain 99.9% uptime while moving to the new cluster",
    "Keep the monthly audit, moving it from paper to the tablet app",
    # A one-off with a deadline.
    "Novel manuscript finished and sent to the publisher by June",
    # A comparison with last time, a change added to what runs, a date to reach.
    "Publish twice as many case studies as last quarter",
    "Run the summer fair and add an evening market",
    "Keep the help desk running - start a self-service portal",
    "Maintain the style guide [rewrite it for the new brand]",
    "Member helpline open 24/7 by the end of the year",
    "Move release signing to Sigstore for every release pipeline",
    # Kept, but changed; onboarding onto a platform; a target for the next meeting.
    "Keep the two-hour callout, run out of the new north depot from May",
    "Maintain the safety record once cleaning is brought in-house",
    "Keep up the newsletter, and start a podcast too",
    "Onboard the finance team to the data platform",
    "Membership: 400 by next AGM",
    # Carrying on a change already begun; kept, but with something new.
    "Continue the rollout of the new claims system to the Leeds office",
    "Keep the monthly town hall, but with questions from the floor",
    "Keep the buses running while a third are switched to electric",
    "Keep the podcast going, but now on video too",
    # Kept through a change, or in a new way.
    "Sustain survey responses by switching the first wave online",
    "Maintain output through the transfer of the line to the new plant",
    "Keep bookings level after raising room prices",
    "Keep patching monthly, but on the vendor's images instead of our own",
    "Keep the nightly jobs green, with quality checks added to every model",
    "Growth and use: Regular growth in the number of domains registered",
    # A change beside the same words stays an aim.
    "Publish a better newsletter every week than our competitors do",
    "Make the warehouse a safe workplace: zero lost-time injuries",
    "Define coding standards for the new mobile team",
    "Adopt the accessibility standards across every product",
    "Ensure communication with parents moves from paper to the app",
    # "Sustainable" growth is growth; routine work brought into the day-to-day is a change;
    # the same duty verbs and queues with a change.
    "Sustainable increase in volunteers from under-represented groups",
    "Sustainable growth in membership income",
    "Integrate safeguarding checks into our day-to-day operations",
    "Review, approve and file building permits online for the first time",
    "Provide new programmes for teenagers in the east of the borough",
    "Answer 90% of calls within two minutes, up from 70%",
    "Assist staff in moving to the new finance system",
    "Attract and retain twice as many apprentices as last year",
    "Spend our budget wisely on a new youth centre",
    "The Library will open a second branch in Eastfield",
    "The Parks Division shall reduce grass cutting by a third",
    "We pledge to double the number of young volunteers",
    "aiming to open the pool on Sundays for the first time",
    # An effect on people is the aim, however routine the words after it.
    "Delight families who visit the library every week",
    "Answer the counter within five (5) minutes instead of ten (10)",
    "Financial Growth",
    "Provide a new learning environment for adult learners",
    # What the people served will have or do, said of them.
    "Residents will have places to meet and learn new skills",
    "Young people will have the confidence to start their own businesses",
    "Protect and grow our share of the youth market",
    "We are committed to delivering a new booking app for members",
    "Build a justice system that treats victims with dignity",
])
def test_the_same_verbs_with_a_change_are_aims(text: str) -> None:
    assert "objective.business_as_usual" not in codes(text)


@pytest.mark.parametrize("text", [
    "Define our pricing strategy",
    "Define a better pricing strategy",
    "Research the needs of rural patients",
    "Write the employee handbook",
    "Continue building our engagement strategy",
    "We have a draft proposal for our membership model",
    # Projects that end: retiring, provisioning, renovating, packaging.
    "Retire the legacy mail servers",
    "Provision a new build cluster",
    "Renovate the visitor centre",
    "Package our tools for the major Linux distributions",
    # A thing shipped stays a deliverable, whatever it is meant to do.
    "Ship a first beta that makes teachers smile",
    "Relaunch the membership scheme",
    "We have plans for the second phase",
    "Visitor registration system",
    "Provide clear criteria for listing partner apps",
    "Perform some research on existing volunteer tools",
    # After a theme.
    "AWS: Automate Management, Monitoring, and Compliance",
    # Work reported done.
    "The new member portal is ready for launch",
])
def test_documents_and_decisions_are_deliverables(text: str) -> None:
    assert "objective.deliverable" in codes(text)


@pytest.mark.parametrize("text", [
    "Develop a public voice for the work we do",
    "Build organisation-wide understanding of governance",
    "Refine our market positioning",
    # How good a thing should be is an aim, whatever verb makes it.
    "Build the most reliable payments system in our region",
    "Deliver better and faster releases to our users",
    "Deliver a more accessible checkout",
    # People who are ready are no piece of work reported done.
    "A support team who is ready and confident to answer questions on the new plans",
])
def test_building_something_abstract_is_not_a_deliverable(text: str) -> None:
    assert "objective.deliverable" not in codes(text)


def test_vague_means_nobody_benefits_and_nothing_named_changes() -> None:
    for text in ["Be the best", "Do great things", "Work harder and smarter",
                 "Become a leader in enterprise AI"]:
        assert "objective.vague" in codes(text), text
    for text in ["Improve our deployment infrastructure", "Settle in to Utrecht",
                 "Give patients faster access to specialist care"]:
        assert "objective.vague" not in codes(text), text


@pytest.mark.parametrize("text", [
    # A slogan's words alone are plain words.
    "Increase the number of clubs",
    "Consolidate the parsers into one implementation",
    "Reach 10% world market share",
    "Plan the next release train",
    # A slogan beside three words that name what should be different.
    "Deliver a world-class mobile onboarding experience",
    "Become the #1 onboarding experience in our category",
    # A count is something to check.
    "Attend 6 big events",
])
def test_a_slogan_word_beside_something_named_is_not_vague(text: str) -> None:
    assert "objective.vague" not in codes(text)


@pytest.mark.parametrize("text", [
    "Make big changes",
    "Be more strategic",
    "Take it to the next level",
    "Be number one",
    # A heading in title case names no one by its capitals.
    "Pursue Technical Excellence",
    "Growth And Learning",
])
def test_slogans_stay_vague(text: str) -> None:
    assert "objective.vague" in codes(text)


def test_in_another_language_only_the_number_and_the_length_are_checked() -> None:
    """The wording checks read English: a Portuguese objective is not called business
    as usual, a deliverable or vague for a look-alike word ("continuar", "excellence")
    among words the coach does not know."""
    other = {"objective.other_language"}
    assert codes("Continuar creciendo en nuevos mercados") == other
    assert codes("Excellence opérationnelle partout") == other
    assert codes("Garantir um processo de sustentação de maneira estruturada") == other
    assert codes("Gewinnen Sie 20 000 neue Kunden in Bayern") == {
        "objective.has_metric"} | other
    assert codes("Continue running our meetups") == {"objective.business_as_usual"}


def test_a_theme_still_counts_as_naming_something_and_towards_the_length() -> None:
    assert "objective.vague" not in codes("AWS: Enable Efficient and Cloud-Native Operations")
    assert "objective.too_long" in codes(
        "Community: Grow a community of contributors who review and ship fixes for the "
        "parts they use")


@pytest.mark.parametrize("text", [
    "## Maintain our website",
    "**Run the monthly payroll**",
    "`Support the sales team`",
    "✅ Triage incoming issues",
    "[O1] Answer customer emails",
    '"Maintain our website"',
    "> _Support the sales team_",
])
def test_what_an_objective_was_pasted_in_does_not_hide_it(text: str) -> None:
    assert "objective.business_as_usual" in codes(text)


def test_a_rank_is_not_taken_for_markdown() -> None:
    assert "objective.vague" not in codes("#1 onboarding experience in our category")
    assert codes("✅") == set() and codes("**") == set()


@pytest.mark.parametrize(("text", "word"), [
    # Routine no pattern of the rules names: the word model trained on published
    # objectives reads it, and the finding quotes the words that weighed most.
    # A charter's duties, in the -ing form or with a duty verb's standing "a".
    # (With rounds 37-39 in its training the model put "Treating every caller fairly and
    # courteously" at 0.49, just under its line; since round 42's lessons the rules read
    # "fairly" and "courteously" as the manner of a duty, so the same shape, without them;
    # "Treating all residents with kindness" sat at 0.49 with round 55 in its training,
    # where its charters' values were mostly read as aims, and "patients" took its place:)
    ("Treating all our patients with dignity", "treating"),
    ("Provide a helpful, efficient and effective service", "provide"),
])
def test_the_word_model_reads_routine_the_rules_have_no_pattern_for(text: str,
                                                                    word: str) -> None:
    routine = [f for f in check_objective(text) if f.code == "objective.business_as_usual"]
    assert routine and "words such as" in routine[0].message
    assert f"\u201c{word}\u201d" in routine[0].message
    assert routine[0].question


def test_the_word_model_ships_in_the_package_and_quotes_no_filler() -> None:
    from workshop.coach.objective_model import MODEL_FILE, objective_model

    assert MODEL_FILE.parent.name == "coach" and MODEL_FILE.is_file()
    _, words = objective_model().probability("provide the weekly help desk to all 40 staff")
    assert words and not {"the", "to", "all", "40"} & set(words)
