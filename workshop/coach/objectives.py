"""Checks on an objective's wording: business as usual, a deliverable, a metric inside,
vague evergreen wording, too long to remember."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from workshop.coach import lexicon as lx
from workshop.coach.findings import INFO, WARN, Finding
from workshop.coach.key_results import BE_PAST, is_task_participle, lemma, normalise
from workshop.coach.model import model as shipped_model
from workshop.coach.objective_model import objective_model
from workshop.model import THEME_RE

if TYPE_CHECKING:
    from workshop.model import Objective

# Business as usual: carrying on what already happens. Typos of the two commonest verbs
# are spelled out because facilitators type fast in front of a room.
_BAU_RE = re.compile(
    r"^(?:(?:to|we will|we'll) )?(?:continu\w*|contin\w*|cont\w*ue|maintain\w*|maint[ai]\w*n|"
    r"mantain\w*|keep(?:ing)?|kept|carry(?:ing)? (?:on|over|forward)|carried (?:on|over|forward)|"
    # "Sustainable increase in turnout" is an increase: only the verb is carrying on.
    r"sustain(?:s|ed|ing)?|preserv\w*|uphold\w*|stay(?:ing)?|remain\w*|ongoing|routine|regular|"
    r"day-to-day|day to day|upkeep|business as usual|still)\b|\b(?:our|the) usual\b"
    r"|\bbau\b"
    r"|\b(?:business as usual|as usual|as before|as we do today|keep the lights on|"
    r"status quo|ongoing (?:maintenance|support|operations?|work|compliance)|"
    r"continues? at|"
    r"routine (?:upkeep|maintenance|work)|"
    # ... but not work brought into the day-to-day ("Integrate X into our day-to-day ...").
    r"(?<!into )(?<!into our )(?<!into the )(?:day-to-day|day to day) (?:running|operations?|"
    r"work)|unchanged|same as last (?:quarter|year)|continuous improvement|"
    r"(?:on[ -]time|as planned) (?:every|each) (?:day|week|month|quarter|year)|"
    r"continues to|(?:we|they|everyone|\w+s) continue to| and (?:maintain|sustain|keep up)\b|"
    # Carrying on, said after a modal or a wish: "We will continue to support international
    # service", "We shall therefore, continue to invest", "The goal being to continue to".
    r"(?:will|shall|want to|wants to|being to|therefore,?) (?:also )?continue to|"
    # Upkeep said after a lead-in: "it is essential to maintain our disciplined cost
    # management", "it is our goal to remain an attractive employer".
    r"(?:essential|important|vital|goal|aim|priority|committed|commitment) to "
    r"(?:maintain|remain|sustain|keep)|"
    # Kept current: "Ensure that the documentation is up to date with new releases".
    r"(?:keeps?|kept|keeping|is|are|remains?|stays?) (?:\S+ ){0,3}?up[- ]to[- ]date|"
    # Said outright: "(no change to the support matrix this cycle)", "- keep them going".
    r"no changes? to|(?:keep|keeping) (?:it|them|this|these) (?:going|running|up|alive)|"
    r"\s[-–—] (?:maintain|keep|sustain|continue to)\b|"
    r"(?:ensure|provide) (?:consistent|ongoing|continued|regular|timely)|upgrade to|ktlo|"
    # Kept up to date: "Upgrade Kubernetes to the latest version", "All software is on
    # current/supported versions".
    r"(?:on|to) (?:the )?(?:latest|current|supported)(?:/supported)? (?:\w+ )?(?:versions?|"
    r"releases?))\b|"
    # A health metric as the heading: "Code health", "Operational health".
    r"^(?:code|bugs?|operational|operations|systems?|platform|services?|infrastructure|"
    r"codebase|repo|repository|build|ci|test|site|security|product) health(?: and \w+)?$")
# Duties with no word of change: compliance kept up ("Ensure compliance with GDPR"), work
# on a fixed cadence ("Publish the weekly newsletter", "Close the books every month"), and
# the queues a team answers ("Handle IT requests from staff").
_DUTY_RE = re.compile(
    r"\b(?:(?:ensure|ensuring|maintain|achieve|stay in|remain in) (?:full |continued |ongoing )?"
    r"(?:[\w-]+ )?(?:and )?compliance|(?:stay|remain|be) compliant|comply with)\b|"
    r", maintain\b|"
    # The organisation's health kept: "Ensure long-term financial health".
    r"^(?:ensure|maintain|protect|safeguard|secure) (?:the |our )?(?:\w+'s )?(?:long-term |"
    r"ongoing |continued )?(?:financial|fiscal|operational|organisational|organizational) "
    r"(?:health|stability|sustainability)\b|"
    r"^(?:\w+ )?(?:the |our |all )?(?:weekly|monthly|quarterly|annual|yearly|daily|"
    r"fortnightly|regular|year-end|month-end|quarter-end|financial-year|fiscal-year)\b|"
    # The same event year after year: "Organise Summer of Nix 2024, 2025, 2026".
    r"\b(?:19|20)\d\d, (?:19|20)\d\d\b|"
    r"^attend (?:all |the |our |every )*(?:\w+ )?(?:meetings|ceremonies|stand-?ups|retros|"
    r"retrospectives|reviews|calls)\b|"
    r"\bevery (?:(?:other|two|three|four|six|\d+) )?(?:days?|weeks?|months?|quarters?|"
    r"years?|night|morning|evening|sprint|release|cycle)$|"
    r"\b(?:once|twice) (?:a|per|every) (?:day|week|month|quarter|year)$|"
    # Books closed, renewals, the on-call rota, patches applied: upkeep that never ends.
    r"\bclose (?:the |our )?(?:\w+'s )?books\b|^(?:renew|recertify)\b|\bon[- ]call\b|"
    r"^(?:apply|install) (?:all |the |our |the latest )?(?:security )?(?:patches|updates)\b|"
    r"\bbackups?\b|^follow up (?:with|on)\b|"
    # Work off a queue: "Fix production bugs", "Complete all assigned tickets" (not "Fix
    # foundational issues that hold back adoption", a project).
    # A share of the queue is a service level: "Process 95% of all record requests ...".
    r"^(?:fix|complete|close) (?:\d+ ?% of )?(?:all |the |our |my )?(?:\w+ )?(?:tickets|bugs|"
    r"incidents)\b|"
    r"^(?:handle|answer|process|resolve|respond to|reply to|triage|pay|file|deal with|review|"
    r"moderate) (?:\d+ ?% of )?"
    r"(?:all |the |our |incoming |every )?(?:[\w-]+ ){0,3}(?:requests|tickets|invoices|"
    r"enquiries|inquiries|questions|emails|calls|complaints|claims|bills|suppliers|"
    r"returns|orders|applications|contracts|renewals|refunds|payments|expenses|queries|"
    r"pull-requests|prs|submissions|issues|bugs|incidents|alerts|comments|posts|messages|"
    r"designs|proposals|rfcs|drafts)\b|"
    # The sales funnel's daily work: "Generate leads for sales", "Nurture existing leads".
    r"^(?:generate|nurture|qualify|work) (?:all |the |our |existing |inbound |new )?(?:\w+ )?"
    r"(?:leads|prospects)\b|"
    # The service a team exists to give: "Provide payroll services", "Support customers via
    # chat and email".
    r"^(?:provide|deliver|offer) (?:[\w-]+,? ){0,3}(?:services?|support|instruction|training|"
    r"orientation|guidance|advice|care|programs|programmes|classes|collections|resources|"
    r"maintenance|repairs|funding|information|facilities|activities)\b|"
    # The whole of the work, statutory requirements, all the deadlines: "Provide all
    # maintenance and repair to ...", "Perform all Truth-in-Taxation requirements", "Meet
    # all budget calendar deadlines".
    r"^(?:provide|deliver|perform) all (?:[\w-]+ ){0,3}(?:maintenance|repairs?|cleaning|"
    r"services?|requirements|obligations|duties)\b|"
    r"^(?:perform|meet|fulfil|fulfill|satisfy|complete|comply with) (?:all|every) "
    r"(?:[\w-]+ ){0,3}(?:requirements|obligations|duties|deadlines)\b|"
    # Helping colleagues with the tools they have: "Assist employees in utilising ...".
    r"^(?:assist|help) (?:our |the |all )?(?:employees|staff|colleagues|departments|users|"
    r"teachers)\b|"
    r"^support (?:our |the )?(?:customers|users|members|clients|staff|employees) "
    r"(?:via|by|through|on|over|with)\b|"
    # Serving another team: "Support the sales team with market data".
    r"^support (?:our |the |all )?(?:\w+ ){0,2}(?:team|teams|department|departments|"
    r"colleagues|office|offices|function|functions)\b|"
    # Hitting the numbers the business runs on: "Hit our monthly sales quota", "Achieve
    # our sales targets", "Hit plan" (not "Achieve budget variance of less than 5%", a
    # measure of its own).
    r"^(?:hit|achieve|meet|reach|deliver on)\w* (?:all |our |the |its |my |this \w+'s )?"
    r"(?:[\w-]+ ){0,2}(?:targets?|quotas?|plan|budgets?|commitments|forecasts?)"
    r"(?=\s*$|\s*[,.;]|\s+(?:for|this|in|on|each|every|and|with|across)\b)|"
    # Working through the plan already made: "Execute our roadmap", "Complete the sprint
    # backlog", "Finish all planned features".
    r"^(?:execute|deliver on) (?:the |our |all |my |this \w+'s )?(?:[\w-]+ ){0,2}"
    r"(?:plans?|roadmaps?)\b|"
    r"^(?:complete|finish|work through) (?:the |our |all |my )?(?:[\w-]+ )?(?:backlog|"
    r"sprints?|planned \w+|sprint backlog)\b|"
    r"^do (?:my|our|your|the|their) (?:\w+ )?jobs?\b|"
    # The yearly budget round: "Prepare next year's budget".
    r"^(?:prepare|set|agree|draft|submit) (?:the |our )?(?:next (?:year|quarter)'s |annual |"
    r"yearly )?budgets?\b|"
    # The books and the back office: "Do the bookkeeping", "Audit the accounts", "Fill
    # open positions".
    r"^do (?:the |our |my )?(?:bookkeeping|accounts|books|payroll|paperwork|filing|admin|"
    r"taxes|chores|housework)\b|"
    r"^(?:audit|reconcile|balance) (?:the |our |all )?(?:\w+ )?(?:accounts|books|ledgers?)\b|"
    r"^fill (?:all |the |our )?(?:open |vacant )?(?:positions|roles|vacancies|posts|jobs)\b|"
    # Records kept current: "Update the CRM", "Groom the backlog", "Track expenses".
    r"^(?:update|groom|track|log|tidy|refresh)\w* (?:up )?(?:the |our |all |my )?"
    r"(?:[\w-]+ )?(?:crm|backlog|records|expenses|timesheets|inventory|spreadsheets?|"
    r"documentation|docs|website|wiki|handbook|calendar|intranet|contacts)\b|"
    # A safe place kept ("Provide a safe and healthy workplace"), standards followed
    # ("Follow our coding standards"), and the communication and workflows a team keeps up
    # ("Ensure regular communication with parents", "Ensure smooth workflows between ...").
    r"^(?:\w+ )?(?:a |an |our |the )?safe(?:,? (?:and )?[\w-]+)? (?:workplace|work environment|"
    r"environment|workspace|place to (?:work|learn|visit))\b|"
    # A setting provided ("Provide a welcoming and inclusive place for all members"), and
    # contributions recognised ("Recognise employee contributions and celebrate success").
    r"^provide (?:a|an) (?:[\w-]+,? (?:and )?){1,3}(?:environment|place|space|setting|"
    r"atmosphere)\b|"
    r"^recogni[sz]e (?:[\w-]+ )?(?:employee|staff|volunteer|member|team)s?'? "
    r"(?:contributions|achievements|service|success)\b|"
    r"^(?:follow|enforce|apply|uphold|practi[cs]e|observe|adhere to)\b[^.;]{0,60}"
    r"\bstandards?\b|"
    r"^(?:ensur|maintain|provid)\w* (?:[\w-]+ )?(?:regular|clear|two-way|smooth|effective|"
    r"good|open|optimal|efficient) (?:communications?|workflows?|coordination|collaboration|"
    r"liaison|handovers?)\b|"
    # A service level kept: "Ensure 99.9% uptime".
    r"^(?:ensure|guarantee|provide|deliver|maintain|keep)\w* (?:an? )?(?:\w+ )?[\d.]+ ?% "
    r"(?:\w+ )?(?:uptime|availability|on-time|sla|slas|slos?|service levels?)\b")
# Checks, returns and reports done on a cadence or a plan: "Annual gas safety checks",
# "Decontamination audit every 6 months", "Tree safety surveys on the rolling programme".
_ROUTINE_CHECKS_RE = re.compile(
    r"\b(?:annual|monthly|weekly|quarterly|daily|termly|scheduled|planned|routine|statutory|"
    r"regulatory)(?: \S+){0,3} (?:checks|inspections|audits?|assessments|surveys|sampling|"
    r"samples|tests|testing|reviews|visits|briefings|drills|returns|reporting|reports?|"
    r"servicing|maintenance|exercising)\b|"
    r"\b(?:checks|inspections|audits?|assessments|surveys|sampling|tests|returns|reports?|"
    r"servicing)(?: \S+){0,3} (?:(?:every|each) (?:day|week|month|quarter|year|term|"
    r"\d+ (?:days|weeks|months))|weekly|monthly|quarterly|annually|termly)\b|"
    r"\b(?:rolling|planned|scheduled) (?:programme|program|maintenance)\b|"
    r"\bsurveillance audits?\b")
# Carried over in so many words, wherever it is said (a theme included): "as last year",
# "Same as Q1: ...", "as now", "stays in place", "(no change)", "(annual)".
_CARRIED_OVER_RE = re.compile(
    r"\b(?:(?:as|like|as per) (?:last|previous) (?:year|quarter|season|period|cycle)s?|"
    r"as in previous (?:years|quarters|seasons)|same (?:as|bar as|model as|format as) "
    r"(?:last|previous|q[1-4]|h[12]|(?:19|20)\d\d)|as now|as they are|"
    r"(?:stays?|remains?) in place|no changes?(?! to (?:how|the way|our approach))|"
    r"(?:slipped|carried|rolled) (?:over|into|from)|carry-?over|left over from|"
    r"at (?:the )?(?:current|same|today's) (?:rate|pace|levels?)|"
    r"\((?:annual|yearly|monthly|weekly|quarterly|as usual|bau|ongoing)\))")
# A heading that names upkeep, with no verb: "Customer support", "Bug fixes", "General
# maintenance", "Security updates", "Business partnering".
_UPKEEP_HEADS = lx._words("""maintenance upkeep housekeeping support operations ops fixes
    bugfixes updates upgrades patching administration admin hygiene availability uptime
    triage on-call partnering ktlo bau payroll bookkeeping compliance reliability care
    monitoring year-end month-end governance management stability responsibility
    discipline advocacy relief prevention enforcement relations safety""")
# Routine duties written as goals: a verb of running or serving what already exists ("Run
# the event", "Support the Pangeo project", "Effectively communicate our outlook to members",
# "Core support for key OS tools") with no word of change. A change word ("new", "launch",
# "grow", "faster", a comparison) turns the same verb into an aim.
_DUTY_VERBS = lx._words("""run sustain support operate manage administer administrate serve
    service handle process promote communicate report own staff host produce offer
    deliver provide engage meet comply monitor operate oversee fulfil fulfill answer
    respond reply resolve pay file reconcile invoice patch clean renew moderate supply
    teach grade collect mentor coordinate represent issue inspect thank gather deal
    safeguard protect conserve""")
# A unit's standing functions name several of these verbs at once, as public bodies' plans
# write them: "To prepare, administer and monitor the budgets", "Curate and manage the
# collection" (not "Build and maintain ...": building is a change).
_FUNCTION_VERBS = _DUTY_VERBS | lx._words("""prepare review assess bill collect update curate
    monitor maintain procure coordinate administer record audit inspect track approve file""")
# Verbs of giving a service, and the help a unit gives as its service.
_SERVING_VERBS = lx._words("provide offer serve supply deliver give")
_HELP_NOUNS = lx._words("assistance advice guidance support information help referrals")
# Leads that are verbs only in a duty's own words ("Pass the annual audit", "Back up the
# databases every night"); alone they are no duty ("Pass the bar exam").
_DUTY_ONLY_LEADS = lx._words("""pass back follow enforce uphold observe adhere practise practice
    recognise recognize""")
# Verbs that end like an adverb.
_LY_VERBS = lx._words("apply reply supply comply rely fly rally tally multiply imply ally")
_DUTY_LEAD_RE = re.compile(
    r"^(?:(?:effectively|efficiently|reliably|consistently|properly|actively|fully) )?"
    r"(?:engage in|stay on top of|take care of|look after|keep up with)\b|"
    # Taking part in what runs, not in work yet to be done ("Participate in moving ...").
    r"^(?:\w+ly )?(?:participate in|take part in) (?!\w+ing\b)|^care for\b|"
    # Working well as such: "Execute with high output and quality".
    r"^(?:execute|deliver|perform|operate) with\b|"
    # A standing promise of the service: "Always deliver compassionate care ...".
    r"^always (?:deliver|provide|offer|give|treat|serve|respond|act)\b|"
    r"^(?:core |ongoing |day-to-day |regular |continued |on-call |on call |[\w-]+ )?"
    r"(?:support|operations?|maintenance|administration|upkeep|servicing|care) (?:for|of)\b|"
    # A function named as its noun: "Co-ordination of Whole of Government Settlement
    # Accords", "Processing of grants within the prescribed timeframe", "Promotion of urban
    # farming technologies".
    r"^(?:the )?(?:(?:collection|compilation|processing) and )?(?:co-?ordination|processing|"
    r"administration|management|stewardship|collection|compilation|provision|promotion) of\b|"
    # The duty the organisation holds, named so: "Responsible for administering the
    # Council's territory", "It is our duty to serve the populations ...", "The mandate given
    # to us under the Water Works Act is to supply potable water".
    r"^(?:is |are )?responsible for \w+ing\b|^it is (?:our|its) (?:duty|responsibility|"
    r"mandate) to\b|^(?:the|our) mandate (?:given to us )?(?:under [^,]{1,80} )?is to\b")
# Work that stands and is kept up: taking part in work that already runs ("Contribute to
# the CDMS project", "Steadily contribute to MDN"; not to something yet to be done,
# "Contribute to enabling unit tests"), a steady flow of the same work ("Steady stream of
# contributions"), looking after what others own ("Be a good steward of our open source
# projects") and serving someone else's plans and needs ("Support Maria's OKRs", "Engage
# with users and meet their needs").
_STANDING_WORK_RE = re.compile(
    r"^(?:\w+ly )?contribut\w* to (?!\w+ing\b)|\bsteady stream\b|\bstewards?\b|"
    r"^support \w+(?:'s|') |\bmeet (?:their|its|his|her|our \w+'s) needs\b|"
    # Upkeep in brackets ("Infinite game engine (maintain P&L)"), and work seen being
    # kept running ("Technology and services are managed in a world class manner").
    r"\((?:maintain|sustain|keep)\b|"
    # A floor of service, whatever the verb ("Rescue a minimum of 75,000 pounds of food"),
    # upkeep done on its schedule ("Network maintenance will be performed on scheduled
    # dates"), and the service people will receive ("Staff will receive prompt, courteous
    # service").
    r"^[\w-]+ a minimum of\b|"
    # Workforce and stewardship idioms of public plans: "Attract and retain ... staff", "the
    # right people, with the right skills, in the right place", "Use resources wisely".
    r"^attract and retain\b|\bthe right people\b.{0,40}\bthe right (?:skills|place|time)\b|"
    r"^(?:use|spend|manage) (?:our |public |the |its |all )?(?:resources|funds|money|budgets?) "
    r"(?:wisely|responsibly|prudently|carefully)\b|"
    r"\b(?:maintenance|patching|backups?|servicing|inspections?) (?:will be|is|are|shall be) "
    r"(?:performed|carried out|done|completed|applied|run)\b|"
    r"\bwill (?:receive|get) (?:[\w-]+,? ){0,4}(?:service|support|care|responses?|replies)\b|"
    # A service said to be given, in the passive: "Customers are provided with water
    # services", "Water services are provided in a cost effective manner".
    r"\b(?:is|are) provided with\b|\bservices? (?:is|are) (?:\w+ )?provided\b(?! from)|"
    # Duties the law sets: "Regulate all applicable facilities according to law".
    r"\b(?:according to|in accordance with|as required by) (?:the )?(?:law|legislation|"
    r"statute)\b|"
    # Stewardship of money and means: "Deliver against agreed budget, with sound financial
    # management", "Making best use of our resources".
    r"\bdeliver (?:against|within|to) (?:the |our )?(?:agreed |approved )?budgets?\b|"
    r"\bsound financial management\b|\b(?:strong|sound|good|robust) governance\b|"
    r"\b(?:make|making) (?:the )?best use of (?:our |its |the |public |all )?(?:\w+ )?"
    r"(?:resources|funds|assets|money)\b|"
    # A unit's standing duty, said of it: "Estates Services is responsible for keeping all
    # buildings wind and watertight", "Central Stores will provide adequate services".
    r"\b(?:is|are) responsible for (?:keeping|maintaining|providing|managing|ensuring|"
    r"running|delivering)\b|\bwill provide (?:an? )?(?:[\w-]+ ){0,3}services?\b|"
    # A service named by how it is given: "Reliable water and wastewater services",
    # "Effective management of environmental incidents", "Sound strategic and planning
    # advice".
    r"^(?:reliable|affordable|responsive|efficient|effective|timely|accessible)(?:,? (?:and )?"
    r"[\w-]+)? (?:[\w-]+ ){0,3}services?$|"
    r"^(?:sound|effective|efficient) (?:[\w-]+ ){0,3}(?:advice|management|communication|"
    r"administration)\b|"
    # Duties held by office: "discharge the Secretary of State's responsibility for
    # maritime search and rescue".
    r"^discharge (?:the |our |its |their )?(?:[\w'-]+ ){0,4}(?:responsibilit(?:y|ies)|"
    r"duties|duty|obligations?|functions?)\b|"
    # Kept as it is: "highways are preserved in their current condition".
    r"\bin (?:their|its|our) current (?:condition|state|form)\b|"
    r"\bnot allowed to deteriorate\b|"
    # What an organisation keeps up, said in the present: "Fedora maintains a strong
    # network of local communities".
    r"^[\w'&.-]+(?: [\w'&.-]+){0,4} maintains\b|"
    r"\b(?:is|are) (?:well |properly |being )?(?:managed|maintained|supported|operated|"
    r"administered|serviced|kept up|patched|monitored|backed up)\b"
    r"(?! (?:as|by|through|from|centrally|in one)\b)|"
    r"\b(?:stays?|remains?) (?:consistent|up to date|current|compliant|healthy|stable|secure|"
    r"available|on track)\b|"
    # Work already under way: "UI work for features already in flight".
    r"\balready (?:in flight|in place|running|under ?way|planned|live|agreed|committed)\b|"
    r"^hold (?:on to |onto )?(?:our|the|its) (?:[\w-]+ )?(?:rankings?|positions?|share|"
    r"ground|lead)\b|\bholding (?:our|the) (?:current|existing)\b|"
    # Kept in date: "Mandatory training - everyone in date", "Pure kept current", rotas.
    r"\bin date\b|\bkept (?:current|up to date)\b|"
    r"\bmandatory training\b|\brotas?\b|"
    # Work that comes as it comes: "ship patch releases for security fixes as they come in".
    r"\bas (?:they|it) (?:come|comes|arise|arises)\b|\bas (?:needed|required)\b|"
    r"\b(?:ci|builds?|tests|pipelines?) (?:is |are |stays? |kept )?green\b|"
    # A level held: "CSAT holds at or above 92%", "Chargeback rate stays below 0.6%".
    r"\b(?:holds?|stays?|remains?|kept|keeps?) (?:at or )?(?:above|below|under|over|within|at)\b|"
    r"\bat or (?:above|below)\b|"
    r"\bhold (?:our |the |its )?(?:[\w-]+ ){1,3}(?:at|above|below|within) [+\-/\d.]|"
    r"\bhold (?:our |the |its )?current\b|\bheld (?:at|above|below|within)\b|"
    r"\bmaintained (?:within|at|to)\b|\bvalid (?:\w+ ){0,2}(?:checks?|certificates?|"
    r"licen[cs]es?|registrations?|certifications?)\b|\b(?:coverage|cover) for (?:every|all|each)\b|"
    r"\bad[ -]hoc\b|"
    r"\b(?:hold|holding) steady\b|\bat all times\b|"
    # The year's fixtures and upkeep: renewals, the AGM held, the annual report published.
    r"\brenewals\b|\bupkeep\b|\b(?:agm|annual general meeting) (?:is |was )?held\b|"
    r"\bannual report (?:is |was )?(?:published|filed|sent)\b|"
    # Kept current, carrying on, on request, last year's plan: "Training records up to
    # date", "Cohort sampling continues (visits 7-8)", "Support PMs when asked".
    r"(?<!bring )(?<!brought )(?<!get )\bup[ -]to[ -]date\b|"
    r"\bcontinues?\s*(?:$|\(|,|;)|\b(?:when asked|on request|as requested)\b|"
    r"\bin line with (?:last|previous) (?:year|quarter|period)'s\b|"
    # A profession's and a client team's standing obligations: QBRs, CPD, the contract.
    r"\bqbrs?\b|\bquarterly business reviews?\b|\bevery scheduled\b|\bcpd\b|"
    r"\bas per (?:the |our )?(?:[\w-]+ ){0,2}(?:contract|agreement|sla|plan)\b|"
    r"\b(?:completes?|completed) (?:their |the |all )?(?:annual|mandatory|statutory)\b|"
    # A queue worked, and every item of a flow handled: "Work the alert queue to SLA",
    # "Every grant report sent to funders", "Quarterly returns submitted to the regulator".
    r"^(?:work|clear|manage) (?:the |our )?(?:[\w-]+ )?queues?\b|\bchase\b.*\boverdue\b|"
    r"^(?:every|each|all) (?:\w+ ){0,2}(?:published|sent|reviewed|checked|approved|logged|"
    r"filed|answered|seen|delivered)\b|"
    r"\b(?:submitted|reported|returned|filed) to (?:the )?(?:regulator|hmrc|irs|board|"
    r"funders?)\b|"
    # Service hours kept: "Reading rooms open 8am-midnight", "Helpline staffed 24/7".
    r"\b(?:open|staffed|available|covered|manned|live|on air)\b.*(?:\d{1,2}(?::\d\d)?\s*"
    r"(?:am|pm)?\s*(?:-|–|to)\s*(?:\d{1,2}(?::\d\d)?\s*(?:am|pm)|midnight)|24/7|24x7|"
    r"(?:7|seven) days a week|"
    r"\bmon(?:day)?\s*(?:-|–|to)\s*(?:fri|sat|sun))|"
    # Running well what runs ("The programme demonstrates operational excellence"), unless
    # a change word makes it an aim ("Optimize operational excellence").
    r"\boperational excellence\b|"
    # A standing duty reported as kept: "Public safety ensured", "Health financing
    # sustained", "Territorial integrity upheld and protected"; not access or a service
    # for all, which is coverage still to reach ("Lifelong learning for all ensured").
    r"^(?!access\b)(?!.*\ball\b).*\b(?:ensured|sustained|maintained|upheld|safeguarded|"
    r"preserved|guaranteed)"
    r"(?: and (?:protected|upheld|maintained|ensured|sustained|safeguarded))?[.;\s]*$|"
    # Round-the-clock service, and a standing role in a larger whole: "Provide 24 hour
    # response with staffed apparatus", "To function as an integral part of the district".
    r"\b24[- ]hours? (?:a day|response|service|cover(?:age)?|emergency|access)\b|"
    r"\b(?:a)?round[- ]the[- ]clock\b|"
    r"^(?:function|serve|act|operate) as (?:an? |the )?(?:integral|essential|key|vital|"
    r"central|trusted|reliable|primary|principal)\b|"
    # A standing value and a standing manner of working: "Place our customers at the heart
    # of everything we do", "Practice continual business improvement", "Consolidate and
    # improve our core business", "Be affordable and fair", "Be easy to deal with".
    r"\b(?:at the heart of|first in|central to) everything (?:we|it|they) do(?:es)?\b|"
    r"\bcontinual (?:[\w-]+ )?improvement\b|^perpetually\b|"
    r"^consolidat\w* (?:and [\w-]+ )?(?:our|the|its) core\b|"
    r"^be (?:(?:financially|fiscally|environmentally|socially|ethically|always|fully) )?"
    r"(?:affordable|fair|accountable|responsible|transparent|professional|courteous|polite|"
    r"honest|ethical|respectful|approachable|responsive|trustworthy|prudent|compliant|"
    r"easy to (?:deal|work) with|involved in)\b")
# Keeping a team staffed ("Hire the right people", "Recruit, develop, & retain exceptional
# staff", "Onboard all new team members"): a duty that never ends, unless a number or a
# change makes it this period's aim ("Onboard two new committers", "Hire our first PM").
_STAFFING_VERBS = lx._words("hire recruit retain onboard staff")
_CADENCE_RE = re.compile(
    r"\b(?:daily|weekly|monthly|quarterly|yearly|annual|annually|(?:bi|semi)-?annually|"
    r"fortnightly|biennially|every (?:day|week|month|quarter|"
    r"year)|recurring|regular|routine|ongoing|as usual|"
    # "every two weeks", "once a month", "each quarter": work on a fixed cadence
    r"every (?:other|two|three|four|six|\d+) (?:days|weeks|months)|"
    r"(?:once|twice) (?:a|per|every) (?:day|week|month|quarter|year)|"
    r"each (?:day|week|month|quarter|year|term)|every term|termly|nightly|"
    r"every (?:night|sprint|release)(?=$|[,.;)]| and| or)|regularly|"
    r"every (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekday|weekend)|"
    r"\d+ ?(?:x|times) (?:per|a|every) (?:day|week|month)|"
    r"always)\b")
_ROUTINE_MANNER_RE = re.compile(
    r"\b(?:reliably|smoothly|effectively|efficiently|quickly|promptly|on time|on-time|"
    r"on schedule|within (?:the |our )?(?:[\w'-]+ )?(?:slas?|window)|to slas?|on programme|"
    r"without (?:fail|interruption)|"
    r"as planned|timely|"
    # Treating people as a duty always asks: "Handle customer feedback with sensitivity and
    # honesty", "Deal with complaints quickly and fairly" (not "with respect for each
    # other's opinions").
    r"with (?:\w+ ){0,2}?(?:courtesy|sensitivity|honesty|integrity|consideration)|"
    r"with respect(?! for)|fairly|impartially|courteously|respectfully|"
    rf"accurate(?:ly)?|correct(?:ly)?|within (?:a|an|{lx.CARDINALS_RE}|\d+) (?:minutes?|hours?|days?|"
    r"weeks?|working days?|business days?|working hours?|business hours?)|"
    r"within (?:the )?(?:statutory|agreed|contractual|target|prescribed|required|set) "
    r"(?:timescales?|timeframes?|deadlines?|times)|"
    # Doing it at its cost: "Deliver quality audits at a reasonable cost".
    r"at (?:a )?(?:reasonable|affordable|acceptable) cost|"
    r"cost[- ]effectively|in a cost[- ]effective (?:manner|way)|"
    r"(?:within|before|by) (?:the |each |every |all )?(?:[\w-]+ ){0,2}deadlines?|"
    r"on (?:the |our )?(?:[\w-]+ ){0,2}schedule|to schedule|on or before|"
    r"per (?:the )?(?:[\w-]+ ){0,2}(?:calendar|schedule|runbook|playbook|procedure|sop)|"
    r"same[- ]day|within \d+ ?h)\b")
_CHANGE_WORDS = lx._words("""new first initial launch launched grow growing growth increase
    reduce cut improve improving expand expanding scale accelerate transform double halve faster
    better more less fewer higher lower wider broader bigger stronger easier simpler
    cheaper quicker shorter modern modernise modernize start begin establish create build
    introduce become turn make change shift redesign rebuild overhaul pilot best
    world-class best-in-class first-class excellent exceptional outstanding leading
    market-leading dominate market optimise optimize streamline simplify automate
    consolidate standardise standardize unify migrate move switch replace adopt digitise
    digitize""")
# Words of quality, not of change, when they describe people hired or kept ("Recruit and
# retain exceptional staff" is still staffing).
_QUALITY_WORDS = lx._words("""best world-class best-in-class first-class excellent exceptional
    outstanding leading great""")
_CHANGE_WORDS_BUT_NEW = _CHANGE_WORDS - {"new"}
_ON_A_CADENCE_NO_CHANGE = _CHANGE_WORDS_BUT_NEW - _QUALITY_WORDS
# "Provide excellent customer service" is the service every team owes, whatever its
# adjective; a claim against others ("the best support experience in our industry") makes
# it an aim.
_SERVICE_WORDS = lx._words("service services support care")
_AGAINST_OTHERS_RE = re.compile(
    r"\b(?:in (?:the |our |its |their )?(?:industry|world|region|market|country|sector|"
    r"city|state|area|category|field)|of any|anywhere)\b")
_STAFFING_CHANGE_WORDS = _CHANGE_WORDS_BUT_NEW - _QUALITY_WORDS
_EXISTING_WORDS = lx._words("existing current")
_ONTO_RE = re.compile(r"\b(?:to|into|onto) (?:the|our|a|an)\b")
# Phrases whose change words name no change, and the words they disarm: "(no change)" says
# the opposite; "first aid" names training, "all new prescriptions" the flow of work, "make
# sure" is "ensure", "the first Wednesday of each month" a date, "90% or more" a floor.
_NOT_A_CHANGE = (
    (re.compile(r"no change"), frozenset({"change"})),
    # "Resolve 80% of queries on first contact" is the service level of a help desk.
    (re.compile(r"\bfirst[ -]aid\b|\b(?:all|every|each|any) new\b|\bmake sure\b|"
                r"\bfirst[ -](?:contact|call|time fix)\b|"
                r"\bfirst (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|day|"
                r"week|working day) of\b|\bor (?:more|less|better|fewer|higher|lower)\b"),
     frozenset({"first", "new", "make", "more", "less", "better", "fewer", "higher",
                "lower"})),
    # A standing value ("put safety first in everything it does") and the core business
    # kept and bettered as it always is ("Consolidate and improve our core business").
    (re.compile(r"\bfirst in everything\b"), frozenset({"first"})),
    # Stewardship, not a change: "Making best use of our resources".
    (re.compile(r"\bbest use of\b"), frozenset({"best", "make", "making"})),
    (re.compile(r"^(?:consolidat\w*|perpetually renew) and improv\w* (?:(?:our|the|its) core\b)?"),
     frozenset({"improve", "improving", "consolidate", "consolidating"})))
# Common leading verbs of objectives that the key-result verb list does not hold, so that
# "Give budget owners a clear view every week" is not read as a statement about owners.
_MORE_LEADING_VERBS = lx._words("""give delight help let find lock be put show tell ask try
    feel leave turn live believe pay continue change lead understand follow read allow walk
    remember love consider serve expect pass require report pull empower inspire foster
    nurture champion welcome thank engage connect celebrate equip enable unlock bring win
    earn protect prepare secure strengthen deepen broaden embed embrace invest focus drive
    own ship keep meditate drink eat sleep journal paint treat respect interact exchange
    undertake search model satisfy know listen assure emphasise emphasize accept wear
    explain act furnish guide cultivate uphold steward care liaise advocate partner
    collaborate participate distribute encourage educate inform advise assist""")
_FIXED_CADENCE_RE = re.compile(
    r"\b(?:every|each) (?:day|week|month|quarter|year|term|weekday|morning|evening|night)\b|"
    r"\b(?:once|twice) (?:a|per) (?:day|week|month|quarter|year)\b")
# A heading that starts with its cadence; "Daily active users" names a measure.
_CADENCE_HEADING_RE = re.compile(
    r"(?:daily|weekly|bi-weekly|biweekly|fortnightly|monthly|quarterly|annual|yearly) "
    r"(?!active\b|recurring\b)")
# "Keep patients safe from avoidable infections" names who benefits and a change to avoid;
# these words after keep/maintain turn it from routine into a real aim (not "Maintain a safe,
# clean and welcoming space": a place or a level kept safe is upkeep).
_KEEP_BUT_CHANGE_RE = re.compile(
    r"^(?:keep|maintain)\w* (?!an? )\w+ (?:safe|safer|healthy|healthier)\b|"
    # Getting out of the routine is a change: "Work myself out of the day-to-day running".
    r"\bout of (?:the )?(?:day-to-day|day to day|routine|bau)\b|"
    # Carrying on a change already begun is still the change: "Continue rollout of the new
    # fraud model".
    r"^continu\w* (?:the |to |with the )?(?:rollout|roll-out|roll out|migration|migrating|"
    r"transition|transitioning)\b|"
    # Growth that is regular is still growth: "Regular growth in the number of domains".
    r"^(?:regular|routine|ongoing|steady) (?:growth|increase|improvement|decrease)s?\b")
# Kept, but changed: "Keep the coffee morning but open it up to the whole village",
# "Maintain 99.95% uptime while moving Postgres to Aurora".
_BUT_CHANGED_RE = re.compile(
    r"\b(?:but|while|whilst)\b(?: \S+){0,6}? (?:add|adding|switch|switching|move|moving|"
    r"open|opening|replace|replacing|personali[sz]e|stream|record|new|online|carve|"
    r"programme|program|redesign|automate|digiti[sz]e|once|first|live|with|also|now|"
    r"swapped|switched|converted|replaced|moved)\b|"
    r", (?:moving|switching|adding|replacing|extended|extending|expanded|automated) "
    r"(?:it|them|this|the|to|from|into|onto)\b|, with (?:\S+ ){0,4}(?:added|new)\b|"
    # Kept through a change: "Sustain response rates by switching wave 1 to online",
    # "Maintain yield through the transfer to Fab 2", "Keep occupancy after raising prices".
    r"\bby (?:switching|moving|replacing|adding|automating|introducing|launching|changing)\b|"
    r"\b(?:after|despite|through|during) (?:the |a |our )?(?:\S+ )?(?:raising|moving|"
    r"switching|cutting|adding|launching|migrating|transfer|move|switch|migration|"
    r"transition|rollout|relaunch|merger|reorgani[sz]ation|restructure)\b|"
    r"\b(?:and|plus) (?:also )?(?:add|start|begin|launch|introduce|extend)\w*\b|"
    # "... and open a branch", not the noun: "parks, trails, and open spaces".
    r"\b(?:and|plus) (?:also )?open(?:s|ed|ing)?\b(?! (?:spaces?|areas?|land|water|air|"
    r"source|data|access|hours|days)\b)|"
    r",(?: \S+){1,4} (?:the|a) new\b|\bonce (?:\w+ ){0,3}(?:is|are|has|have)\b|"
    r"\bnow (?:in|with|also|for)\b[^.]*\btoo\b|"
    r"\s[-–;:] (?:start|add|launch|introduce|begin|move|now)\b|"
    r"[\[(](?:rewrite|redesign|new|add|move|migrate|rebuild)\b")
# Routine reported as a state: "Hand hygiene audit completed monthly", "Rooms cleaned and
# inspected by 3pm check-in", "Conflict checks completed on every new matter".
_DONE_ROUTINELY_RE = re.compile(
    r"\b(?:completed|complete|done|cleaned|inspected|checked|logged|costed|approved|"
    r"reviewed|filed|patched|updated|submitted|renewed|processed|paid|signed off|sent|"
    r"published|issued|out by|answered|moderated|staffed|logged|audited|recertified|"
    r"prepared|held|handed out|given out|distributed)\b"
    r"(?: \S+){0,6}? (?:daily|weekly|fortnightly|monthly|quarterly|annually|every|each|"
    r"at the agm|(?:for|across|in|at) (?:all|every)|on or before|deadlines?|"
    r"before (?:any|each|every))\b")
_METRIC_IN_TEXT_RE = re.compile(
    # A number is read once from its first digit: "1.1.1...." pasted in must not make the
    # pattern try every digit again (quadratic on the keystroke path).
    r"\d\s*%|[$€£¥]\s*\d|(?<![\d.,])\d[\d.,]*+\s*(?:k|m|bn|x)\b|\bby \d|\bto \d|"
    r"\b\d[\d,]{2,}\b|"
    r"\b(?:nps|csat|enps|arr|mrr)\b(?: \w+)? (?:of|to|above|below) \d|\b\d+ ?(?:points|pp)\b")
# Words that name nothing: pronouns, auxiliaries, quantifiers.
_PLAIN_WORDS = lx._words("""i me my myself we us our you your yourself they them their it
    its is are was were be been has have had get some any more most much way about between
    while like enough able towards want""")
_COUNT_RE = re.compile(r"(?<![#\w.])\d")
_PERIOD_RE = re.compile(r"\b(?:q[1-4]|h[12]|fy\s?\d+|(?:19|20)\d\d)\b")
_EVERGREEN = lx._words("""excellence excellent world-class leader leading best
    innovation innovative innovate synergy synergies better great greatness awesome
    amazing success successful cutting-edge premier top #1
    optimise optimize optimal efficiency efficient things stuff improve improvement
    transform transformation value-add empower empowered strive strong stronger harder
    smarter progress foundation aligned high-performing best-in-class
    kickstart procrastinating""")
# Slogans of more than one word; their words alone are plain ("the number of clubs",
# "into one implementation", "world market share", "the next release").
_EVERGREEN_PHRASES_RE = re.compile(
    r"\b(?:world class|in the world|world leader|next level|number one|big changes)\b")
_BENEFICIARIES = lx._words("""customer customers client clients user users patient
    patients student students pupils learners citizen citizens resident residents
    donor donors partner partners team teams employee employees staff engineers
    people families family member members buyer buyers retailer retailers shopper
    shoppers teacher teachers parent parents volunteer volunteers community
    contributors businesses companies developers readers hospital hospitals
    schools nurses doctors veterans attendees learners institutions communities
    researchers maintainers projects organisations organizations""")
# A standing promise of the service, as charters word it: "Carpentaria Shire Council is
# committed to delivering quality and reliable water and sewerage services", "We are
# dedicated to providing our customers with ...".
_SERVICE_PROMISE_RE = re.compile(
    r"\b(?:committed|dedicated) to (?:providing|delivering|offering|supplying|giving|serving)\b|"
    # Said as a pledge: "We promise to provide professional, safe, friendly, caring and
    # quality services", "... with full determination pledged to provide quality service".
    r"\b(?:promise|promises|promised|pledge|pledges|pledged|undertake|undertakes) to "
    r"(?:provide|deliver|offer|give|serve|supply)\b")
# One word, then a verb in the present ("meridian supports ..."): a name doing what it does.
_NAMED_DOER_DOES_RE = re.compile(r"^[\w'&.-]+ [a-z]+[^s]s \w")
# The people an objective is for, as its subject ("Residents will have ...").
_SERVED_SUBJECTS = (_BENEFICIARIES - lx._words("team teams")) | lx._words("""children
    preschoolers adults youth""")
_ABSTRACT_OBJECTS = lx._words("""team culture brand reputation community trust
    relationships relationship habit habits movement momentum voice pipeline understanding
    cohesion awareness capacity capability capabilities engagement presence confidence
    alignment partnerships partnership network sense experience experiences""")
_DELIVERABLE_VERBS = lx._words("""launch ship release build implement migrate redesign
    deploy hire roll roll-out develop create rebuild rewrite replace install open
    introduce complete finish deliver publish upgrade automate digitise digitize
    modernise modernize move integrate set set-up establish select procure define
    formalize formalise research assess discover draft write plan organize organise read
    design document evaluate audit map study investigate host explore fix hold wrap
    wrap-up retire decommission sunset deprecate provision renovate refurbish package
    cleanup clean produce relaunch ratify kill""")
# "We have a preliminary strategy", "We have a draft proposal": a document as the aim.
_HAVE_DELIVERABLE_RE = re.compile(
    r"^(?:we )?have (?:a |an |shown progress on |the )?(?:\w+ ){0,8}?(?:strategy|proposal|"
    r"plans?|draft|approach|framework|model|roadmap|policy|process|design|specification|spec)\b")
# "... to drive more customer delight", "... that excites top talent", "Establish X as the
# home of Y": the objective says what should change, so it is an aim, whatever its verb.
_PURPOSE_RE = re.compile(
    r"\b(?:to (?:drive|increase|improve|grow|help|enable|reduce|delight)|so that|in order to|"
    r"that (?:excites?|helps?|lets?|makes?|delights?|drives?))\b|"
    r"^(?:establish|position|make|become)\w* [\w' ]{1,30} as (?:the |an? )?")
# Things a team builds, named without a verb: "Advocates program", "Alpha release of X".
_THING_NOUNS = lx.DELIVERABLE_NOUNS | lx._words("""release program programme programs loop
    portal platform toolkit hub app website system""")
_MILESTONE_RE = re.compile(
    r"^(?:get|be|become) (?:engaged|married|certified|accredited)\b|"
    r"^provide (?:documented |written )?(?:guidance|documentation)\b|"
    # "Provide clear inclusion criteria", "Perform research on existing apps": a document.
    r"^(?:provide|publish|produce) (?:an? |the |clear |simple |transparent |written |new )*"
    r"(?:\w+ )?(?:definition|definitions|criteria|process|guide|guidelines|policy|template|"
    r"checklist|framework)\b|"
    r"^(?:perform|conduct|do|carry out) (?:some |a |an |the |user )?(?:research|study|audit|"
    r"survey|assessment|review)\b")
# "Ship a stable v1 demo that delights users": a thing shipped stays a deliverable, whatever
# it is meant to do.
_SHIP_VERBS = lx._words("ship launch release relaunch deploy build")
_SHIPPED_THINGS = lx._words("""mvp demo v1 v2 beta alpha prototype app version release
    website site portal feature""")
# "Build the most reliable payments system", "Deliver better and faster releases": how
# good a thing should be is an aim, whatever verb makes it.
_BETTER_WORDS = lx.COMPARATIVES | lx._words("best most superior world-class best-in-class "
                                            "first-class")
MAX_OBJECTIVE_WORDS = 14


# An objective's own numbering ("Objective 2: ...", "O1 - ...", "[O1]") and what it was
# wrapped in where it was pasted from (a Markdown heading or emphasis, quotes, a status
# emoji) are no part of it; "#1" stays, a rank.
_PASTED_LEAD_RE = re.compile(
    r"^(?:(?:(?:objective|obj|goal|o)\s*[0-9]+(?:\.[0-9]+)*\s*[:.)-]|\[[^\]]{1,12}\]|"
    r"[#*_`\"'>~]+(?!\d)|[\u2190-\u2bff\U0001f000-\U0001faff]\ufe0f?)\s*)+")
_PASTED_END_RE = re.compile(r"[*_`\"'~]+$")
# A theme before the objective (THEME_RE): whether it is routine or a deliverable is read
# from what follows. (The theme still counts as naming something.)
# A body's own name before "will" or "shall", as public plans write an objective ("The
# College will maintain ...", "The Parks Division shall provide ..."), or a pledge ("We
# pledge to provide ...", "aiming to meet ..."): what follows is read as the objective, as
# "we will" is.
_BODY_WILL_RE = re.compile(
    r"^(?!(?:this|it|that|which|what|there) )(?:(?:the |our |each |every |all )?"
    r"(?:[\w&'-]+ ){0,4}[\w&'-]+ (?:will|shall)|(?:(?:the |our )?(?:[\w&'-]+ ){0,4}?)?"
    r"(?:(?:pledges?|aims?|strives?|seeks?|works?|commits?|endeavou?rs?)|(?:is|are) committed) to|"
    r"(?:aiming|striving|seeking|endeavou?ring|pledging) to) (?=\w+ \w)")
# A charter's number in words and figures: "within five (5) minutes", "once (1) a year".
_NUMBER_IN_FIGURES_RE = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|"
    r"twenty|thirty|sixty|ninety|once|twice) \(\d+\)")
# A move from one state to another: "Ensure communication with parents moves from paper to
# the app".
_TRANSITION_RE = re.compile(r"\bfrom (?:[\w'-]+ ){1,4}(?:to|into|onto)\b")
# Verbs of an effect on people ("Delight teams who ...", "Transform how residents ...",
# "Generate public interest in ..."): the aim is what they will feel or do, a change,
# however routine its other words sound.
_EFFECT_LEADS = lx._words("""delight wow amaze inspire transform excite energise energize
    revolutionise revolutionize reinvent generate spark stimulate ignite""")
# "Keep patching monthly, but on Bottlerocket instead of the custom AMI": kept, but changed.
_INSTEAD_RE = re.compile(r"\b(?:instead of|rather than)\b")
_NOT_YET_RE = re.compile(r"\b(?:cannot|can't|can not|do not|don't|not yet|by (?:the )?end of)\b")
# Verbs whose object is a document or a decision: always a deliverable as an objective.
_DOCUMENT_VERBS = lx._words("""define formalize formalise research assess discover draft write
    plan document evaluate audit map study investigate read""")
_DOCUMENT_NOUNS = lx._words("""strategy plan roadmap framework policy policies process
    processes playbook guide guidelines proposal model structure offering workspace""")


def _verb_of(token: str) -> str:
    """The verb a word is a form of; a one-letter substitution is not taken as a typo here
    ("refine" is not "define"), only dropped or added letters and inflections."""
    verb = lemma(token)
    if verb and len(verb) == len(token) and verb != token:
        return token
    return verb or token


_LEADING_VERBS = _MORE_LEADING_VERBS | _DUTY_VERBS | _DUTY_ONLY_LEADS


def _is_a_name(token: str) -> bool:
    """ "meridian", "unicef": no verb, no plain word, not the people served."""
    return not lemma(token) and token not in lx.ACTIVITY_VERBS and token not in _LEADING_VERBS \
        and token not in _PLAIN_WORDS and token not in _SERVED_SUBJECTS


def _is_leading_gerund(token: str) -> bool:
    """ "Treating everyone fairly", "Managing information and delivering services": the
    -ing form of a verb an objective opens with, as charters and plans list duties."""
    if not token.endswith("ing") or len(token) < 6:
        return False
    stem = token[:-3]
    return bool(lemma(token)) or any(
        s in _LEADING_VERBS
        for s in (stem, stem + "e", stem[:-1] if stem[-1] == stem[-2] else stem))


# A comparison with today ("faster than", "in 3 days instead of 8", "down from 12").
_COMPARISON_RE = re.compile(r"\b(?:more|less|fewer|faster|better|wider)\b.*\bthan\b|"
                            r"\b(?:instead of|rather than|down from|up from)\b|"
                            r"\b(?:twice|three times|half) as\b|\bas (?:many|much) \w+.* as\b")


def _names_someone(text: str) -> bool:
    """A capitalised name after the first word ("Utrecht", "Chi Hack Night", "Veterans")
    names a particular place, programme or people, which an evergreen slogan never does.
    Acronyms do not count: "AI" names a field, not someone; nor do capitals in a heading
    written in title case ("Health And Fitness", "Enhance Team Collaboration"), where every
    word has one."""
    words = [w.strip("'\".,:;()&") for w in text.strip().split()[1:]]
    capitalised = [w for w in words if len(w) > 1 and w.isalpha() and w[0].isupper()
                   and not w.isupper()]
    lower = [w for w in words if w.isalpha() and w.islower() and w not in lx.PHRASE_STOPS]
    return bool(capitalised) and (bool(lower) or len(capitalised) == 1)


def _lists_functions(tokens: list[str], at: int) -> bool:
    """Whether the objective opens with a list of verbs two or more of which are a unit's
    standing functions ("Develop, protect, promote and maintain the parks")."""
    functions = 0
    for token in tokens[at:]:
        if token in _FUNCTION_VERBS:
            functions += 1
        elif token != "and" and not lemma(token):
            break
    return functions >= 2


def _given_to_people(tokens: list[str], at: int) -> str:
    """ "Provide each child the opportunity to ...", "Offer customers a loyalty scheme":
    "service" when a serving verb gives the people it is for what it always gives, "once"
    when it gives them one new thing, else ""."""
    if _verb_of(tokens[at]) not in _SERVING_VERBS:
        return ""
    k = at + 1
    if tokens[k:k + 1] and tokens[k] in ("each", "every", "all", "our"):
        k += 1
    if tokens[k:k + 1] and tokens[k].removesuffix("'s").removesuffix("'") in _BENEFICIARIES:
        # Something given once ("Offer customers a loyalty scheme") is a deliverable; a
        # standing choice ("a variety of ...") is the service.
        once = tokens[k + 1:k + 2] in (["a"], ["an"]) and tokens[k + 2:k + 3] not in (
            ["variety"], ["range"], ["choice"], ["selection"])
        return "once" if once else "service"
    return ""


def _serves_people(tokens: list[str], at: int, given: str) -> bool:
    """ "Provide each child the opportunity to ...", "Offering students a variety of
    foods", "Provide technical assistance to businesses": a service given to the people it
    is for, or help given, as a unit gives it every year (`given`: `_given_to_people`)."""
    if given:
        return given == "service"
    return _verb_of(tokens[at]) in _SERVING_VERBS and \
        not _HELP_NOUNS.isdisjoint(tokens[at + 1:at + 3])


def _reported_done(tokens: list[str]) -> bool:
    """ "RepsNext is successfully completed", "The project is ready for launch": a piece
    of work reported as done."""
    for k in range(len(tokens) - 1):
        # People who are ready ("A sales team who is ready and confident to ...") are no
        # piece of work.
        if tokens[k] not in BE_PAST or tokens[k - 1:k] == ["who"]:
            continue
        state = tokens[k + 1]
        if state in lx.LEADING_FILLERS and k + 2 < len(tokens):
            state = tokens[k + 2]
        if state in lx.DONE_STATES or is_task_participle(state):
            return True
    return False


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _routine_finding(why: str) -> Finding:
    return Finding(
        "objective.business_as_usual", WARN,
        f"This reads as business as usual: {why}. An objective names a change the team "
        "wants to make this period and why it matters; keep routine work and health "
        "metrics outside the OKRs.",
        question="What would be different at the end of the period if we succeed?")


def check_objective(text: str, objective: Objective | None = None) -> list[Finding]:
    """Findings about one objective's wording (advice only, never a block)."""
    if not text.strip() and objective is not None:
        text = objective.text
    found = _read_objective(text)
    if objective is None:
        return list(found)
    return [replace(f, subject_id=objective.id) for f in found]


# After each pause in typing the session's check, the page, its rows and the side panel
# all ask about every objective: the same words are read once.
@lru_cache(maxsize=4096)
def _read_objective(text: str) -> tuple[Finding, ...]:
    whole = _NUMBER_IN_FIGURES_RE.sub(
        r"\1", _PASTED_END_RE.sub("", _PASTED_LEAD_RE.sub("", normalise(text))))
    theme = THEME_RE.match(whole)
    norm = whole[theme.end():] if theme else whole
    if theme and norm.startswith("to "):
        norm = norm[3:]  # "Staff: to provide ...", as the text without a theme is read
    body_will = _BODY_WILL_RE.match(norm)
    # "Residents will have the resources they need to ... continue to learn": the people
    # served, as the subject, say what they will have or do; a change for them.
    people_will = False
    if body_will:
        subject = body_will.group(0).split()
        people_will = len(subject) > 1 and subject[-2] in _SERVED_SUBJECTS
        norm = norm[body_will.end():]
    elif (norm.startswith("we ") or _NAMED_DOER_DOES_RE.match(norm)
          and _is_a_name(norm.split(" ", 1)[0])) \
            and _verb_of(norm.split(" ", 2)[1].removesuffix("s")) in _FUNCTION_VERBS:
        # "We provide well-maintained kit", "Meridian supports and connects with the
        # communities we serve": what the team, or the organisation by name, does now,
        # said in the present, read as the duty it names.
        norm = norm.split(" ", 1)[1]
    words = norm.split()
    tokens = [w.strip(",;:()\"'") for w in words]
    findings: list[Finding] = []
    if not tokens:
        return ()

    token_set = set(tokens)
    # The wording checks read English; in another language only the number and the length
    # are checked.
    english = shipped_model().reads_english(norm, tokens)
    # "Effectively run ...": the verb comes after a leading adverb ("apply" is no adverb).
    at = 1 if len(tokens) > 1 and tokens[0].endswith("ly") and \
        tokens[0] not in _LY_VERBS else 0
    lead = _verb_of(tokens[at])
    # Reading drops a cadence at the start ("Weekly stock take", "Every month, close the
    # books"); for an objective it is the sign of routine, so it is looked for in the text.
    opening = _PASTED_LEAD_RE.sub("", text.strip().lower())
    cadence = bool(_CADENCE_RE.search(norm)) or bool(_CADENCE_RE.match(opening))
    has_digit = any(c.isdigit() for c in norm)
    leads_with_verb = bool(lemma(tokens[at]) or tokens[at] in lx.ACTIVITY_VERBS)
    # A statement about things done ("Valuations to QS by the 25th of every month", "Scores
    # prepared for every concert": a plural that is also a verb, then a participle), not a
    # goal that starts with a verb.
    states_a_thing = (not leads_with_verb and tokens[at] not in _MORE_LEADING_VERBS
                      and tokens[at] not in _DUTY_VERBS
                      and tokens[at] not in _DELIVERABLE_VERBS) or (
        tokens[at].endswith("s") and tokens[at + 1:at + 2] != []
        and tokens[at + 1].endswith("ed"))
    # On a cadence, "new" is part of the routine ("Release a new version every six weeks"),
    # and so is doing it well ("Run an excellent meetup, once a month").
    change_words = _ON_A_CADENCE_NO_CHANGE if cadence else _CHANGE_WORDS
    changing = token_set & change_words
    if lead in _DUTY_VERBS and token_set & _SERVICE_WORDS and changing <= _QUALITY_WORDS \
            and not _AGAINST_OTHERS_RE.search(norm):
        changing = set()  # a service given well is still the service
    for phrase, disarmed in _NOT_A_CHANGE:
        if phrase.search(whole):
            changing = changing - disarmed
    changes = bool(changing) or bool(_COMPARISON_RE.search(norm)) or bool(
        _NOT_YET_RE.search(norm)) or bool(_BUT_CHANGED_RE.search(norm))
    # One thing done once ("Run a half marathon", "Hire a VP of sales") is no duty, unless
    # it recurs.
    one_thing = tokens[at + 1:at + 2] in (["a"], ["an"])
    given_to_people = _given_to_people(tokens, at)
    # A manner of working ("on time", "reliably"), unless it is the purpose's ("... so
    # that customers can quickly find ...").
    routine_manner = bool(_ROUTINE_MANNER_RE.search(norm)) and not _PURPOSE_RE.search(norm)
    routine_duty = not changes and (
        (lead in _DUTY_VERBS and ((len(tokens) <= 4 + at and not has_digit and not one_thing)
                                  or cadence or routine_manner
                                  # "Inspect all food premises": the whole workload
                                  or tokens[at + 1:at + 2] in (["the"], ["our"], ["all"],
                                                               ["each"], ["every"])
                                  # "Manage existing accounts and renewals"
                                  or bool(token_set & _EXISTING_WORDS)))
        or bool(_DUTY_LEAD_RE.search(norm))
        or bool((leads_with_verb or tokens[at] in _DUTY_VERBS
                 or tokens[at] in _DUTY_ONLY_LEADS) and _DUTY_RE.search(norm))
        # A duty done well ("Close the books accurately", "Events are processed
        # reliably"); not what others do well ("Application teams onboard quickly and
        # correctly").
        or bool(routine_manner and not _METRIC_IN_TEXT_RE.search(norm)
                and _BENEFICIARIES.isdisjoint(tokens[:2]))
        or bool(_STANDING_WORK_RE.search(whole))
        # Any work done on a cadence, always or regularly: "Upgrade dependencies regularly"
        # (not a state: "Have a clear view of how each week will look").
        or bool(cadence and leads_with_verb and tokens[at] not in ("have", "be"))
        # A heading on a cadence: "Weekly stock take", "Annual compliance training".
        or bool(len(tokens) <= 10 and _CADENCE_HEADING_RE.match(opening))
        # A cadence in a statement of routine that opens with what is done, in the plural:
        # "Valuations to QS by the 25th of every month".
        or bool(states_a_thing and _FIXED_CADENCE_RE.search(norm)
                and any(t.endswith("s") and not t.endswith("ss") for t in tokens[:3]))
        or bool(_ROUTINE_CHECKS_RE.search(norm))
        or _lists_functions(tokens, at)
        or _serves_people(tokens, at, given_to_people)
        or bool(states_a_thing and _DONE_ROUTINELY_RE.search(norm)))
    # "new" is no change for staffing: new people joining is what staffing always is. One
    # role filled ("Hire a VP of sales") is a deliverable, not staffing.
    staffing = lead in _STAFFING_VERBS and not one_thing and not has_digit and not (
        token_set & _STAFFING_CHANGE_WORDS or token_set & lx.NUMBER_WORDS
        or _COMPARISON_RE.search(norm)
        # Onboarding onto a platform is adoption: "Onboard the analytics team to the platform".
        or (lead == "onboard" and _ONTO_RE.search(norm)))
    upkeep_heading = not changes and (
        (len(tokens) <= 4 and tokens[-1] in _UPKEEP_HEADS and not has_digit
         and not any(lemma(t) for t in tokens[:-1]))
        # Upkeep named as the theme: "On-call: acknowledge every page within 15 minutes".
        or bool(theme and theme.group(1) in _UPKEEP_HEADS))
    carried_over = bool(_CARRIED_OVER_RE.search(whole)) and not changes
    # (A promise of something new is a change: "We are committed to delivering a new app".)
    promised_service = bool(_SERVICE_PROMISE_RE.search(whole)) and not changes
    routine_duty = routine_duty or staffing or upkeep_heading or carried_over \
        or promised_service
    kept_but_changed = bool(_KEEP_BUT_CHANGE_RE.search(norm) or _BUT_CHANGED_RE.search(norm)
                            or _INSTEAD_RE.search(norm))
    rules_routine = english and (bool(_BAU_RE.search(norm)) and not kept_but_changed
                                 or routine_duty)
    if rules_routine:
        findings.append(_routine_finding("it carries on what already happens"))

    verb = lead
    first = at
    if verb in ("continue", "keep") and len(tokens) > 1:
        # "Continue building our strategy": the deliverable is in the second verb.
        first = 2 if tokens[1] == "to" and len(tokens) > 2 else 1
        verb = _verb_of(tokens[first])
    obj = set(tokens[first + 1:first + 6])
    # A routine duty ("Host the weekly all-hands") is business as usual, not a deliverable.
    reported_done = _reported_done(tokens)
    no_verb = not any(lemma(t) for t in tokens)
    named_thing = no_verb and len(tokens) <= 6 and bool(
        {tokens[-1], tokens[min(1, len(tokens) - 1)]} & _THING_NOUNS)
    ships_a_thing = verb in _SHIP_VERBS and bool(obj & _SHIPPED_THINGS)
    if english and not routine_duty and (ships_a_thing or (verb in _DELIVERABLE_VERBS and (
            verb in _DOCUMENT_VERBS or obj & _DOCUMENT_NOUNS or (
                not obj & _ABSTRACT_OBJECTS and not obj & _BETTER_WORDS
                and not _PURPOSE_RE.search(norm))))
            or _HAVE_DELIVERABLE_RE.search(norm) or _MILESTONE_RE.search(norm)
            or named_thing or reported_done):
        shown = text.strip().rstrip(".")
        findings.append(Finding(
            "objective.deliverable", WARN,
            f'"{_short(shown)}" is a deliverable, not an aim: once it is done, nothing says '
            "who is better off. Put the deliverable under a key result as an action.",
            question=f"Why do we want to {verb} {' '.join(words[1:])}?".replace(" ?", "?")))

    # The number, vagueness and length are read from the whole, theme included.
    whole_tokens = [w.strip(",;:()\"'") for w in whole.split()]
    whole_set = set(whole_tokens)
    without_periods = _PERIOD_RE.sub("", whole)
    if _METRIC_IN_TEXT_RE.search(without_periods):
        findings.append(Finding(
            "objective.has_metric", INFO,
            "The objective holds a number. Objectives are qualitative and inspiring; move "
            "the number into a key result that measures the objective."))

    has_beneficiary = bool(whole_set & _BENEFICIARIES) or _names_someone(text)
    evergreen = bool(whole_set & _EVERGREEN) or bool(_EVERGREEN_PHRASES_RE.search(whole))
    content_words = [t for t in whole_tokens if t not in lx.PHRASE_STOPS and t not in
                     ("be", "become", "we", "our", "to", "all", "everything", "do")]
    already = {f.code for f in findings}
    concrete = [t for t in content_words if t not in _EVERGREEN and t != tokens[0]]
    # "Improve our deployment infrastructure" names what should change; "Achieve
    # excellence" and "Become a leader in enterprise AI" do not.
    names_a_change = lead in lx.CHANGE_VERBS and len(concrete) >= 2
    # Three words naming things beside a slogan ("Deliver a world-class mobile onboarding
    # experience", "Become the #1 onboarding experience in our category") say what should
    # be different; "Be more strategic" and "Make big changes" do not.
    names_things = len([t for t in concrete if t not in _PLAIN_WORDS]) >= 3
    # A count or a share ("10% market share", "Attend 6 events") is something to check,
    # whatever else is vague; a rank ("#1") and the period ("in 2025") are not.
    counts = bool(_COUNT_RE.search(without_periods))
    if english and not has_beneficiary and (evergreen or len(content_words) <= 2) and not (
            names_a_change or names_things or counts
            or already & {"objective.business_as_usual", "objective.deliverable"}):
        findings.append(Finding(
            "objective.vague", INFO,
            "The wording could fit any team in any year: it names nobody who benefits and "
            "nothing that changes. Say for whom, and what will be different.",
            question="Who will notice the difference, and what will they notice?"))

    # The word model reads routine the rules have no pattern for (each round's authors
    # write it in words of their own), in an objective that opens with what the team
    # does. What the rules can see keeps it an aim: a change (a change word in any form,
    # "from paper to the app"), a deliverable, a slogan, a number to reach ("Add 4 extra
    # evening services", "Speak at one external conference"; the rules read the routine
    # ones, service levels and floors) or one thing done once (a duty verb's "a" is the
    # standing kind: "Provide a helpful and efficient service"; given to the people it is
    # for, it is one new thing: "Offer customers a loyalty scheme").
    if english and not rules_routine and not changes and not kept_but_changed \
            and not has_digit and not token_set & lx.NUMBER_WORDS \
            and (not one_thing or lead in _DUTY_VERBS) and (
            leads_with_verb or tokens[at] in _MORE_LEADING_VERBS
            or tokens[at] in _DUTY_VERBS or _is_leading_gerund(tokens[at])) and not any(
                f.code in ("objective.deliverable", "objective.vague") for f in findings) \
            and not any(_verb_of(t) in _CHANGE_WORDS for t in tokens) \
            and not _TRANSITION_RE.search(norm) and tokens[at] not in _EFFECT_LEADS \
            and given_to_people != "once" and not people_will:
        routine, routine_words = objective_model().routine(norm)
        if routine:
            quoted = ", ".join(f"\u201c{w}\u201d" for w in routine_words)
            findings.insert(0, _routine_finding(
                f"words such as {quoted} usually describe work a team does anyway"
                if quoted else "its wording usually describes work a team does anyway"))

    if not english:
        findings.append(Finding(
            "objective.other_language", INFO,
            "The coach reads English only, so it checked only the number and the length. "
            "Ask the room whether it names a change, and for whom.",
            question="What would be different at the end of the period if we succeed?"))

    if len(whole_tokens) > MAX_OBJECTIVE_WORDS:
        findings.append(Finding(
            "objective.too_long", INFO,
            f"{len(whole_tokens)} words is hard to remember. A good objective fits on one line "
            f"(about {MAX_OBJECTIVE_WORDS} words or fewer); move detail into the key "
            "results or the why."))
    return tuple(findings)
