"""Word classes the coach reasons with.

The classes describe roles in a sentence, not sentences: a verb that names a piece of
work, a verb that names a change in a measure, a noun for something the team makes, a
noun for people or responses outside the team, a noun for a measure. The classifier in
key_results.py combines them by position (what comes first, what a number counts).
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs whose object is a piece of work: done or not done when the period ends.
TASK_VERBS = _words("""
    launch ship release publish host hire promulgate migrate implement build write complete
    create develop design redesign deploy introduce document define organise organize conduct
    finish finalise finalize draft produce prepare add integrate refactor rewrite upgrade
    automate translate replace remove deprecate sunset decommission install open kick
    pilot test evaluate assess audit research investigate explore identify map select
    choose recruit train attend sponsor post send submit apply schedule plan outline
    agree decide approve update refresh revamp rebuild port switch adopt interview survey
    record film prototype fix procure purchase buy renegotiate negotiate digitise digitize
    modernise modernize merge configure establish roll set start begin announce rebrand
    relaunch archive retire rename compile analyse analyze benchmark author arrange
    standardise standardize consolidate localise localize certify formalise formalize
    instrument containerise containerize rearchitect educate teach mentor coach
    facilitate present speak demo showcase email call visit contact interview gather fill
    collect review clean deliver provide ensure make support enable run hold move take
    push do perform offer expand extend enter partner measure track monitor implement
    roll-out set-up kick-off onboard draft produce communicate distribute mail
    upload digitalise digitalize shortlist hire staff equip fund sign-off transition
    convert celebrate experiment include incorporate promote reach-out source triage
    work-out pilot iterate rejig prioritise prioritize propose validate verify discuss
    learn delete stop back-up rollout strategise strategize shadow revise share clarify
    coordinate brainstorm sketch handover hand-over meet join confirm describe
    determine talk draw""")

# Task verbs that often carry a real measure ("Deliver 99.9% uptime", "Expand revenue
# by 15%", "Make onboarding take under 10 minutes"): only a task when no measure follows.
SOFT_TASK_VERBS = _words("""
    deliver provide ensure make support enable run hold move take push do perform offer
    expand extend enter partner measure track monitor convert scale spend work""")

# More verbs of activity, as written at the start of a key result ("Participate in ...",
# "Advertise in 20 publications", "Remediate ..."): mostly a general English list, so an
# author's unfamiliar verb still reads as work, plus a few met in the corpus. Matched in
# their base form only: "Registered users", "Qualified leads" are measures, not verbs.
ACTIVITY_VERBS = _words("""
    accompany accomplish acknowledge activate adapt address adjust administer advance
    advertise advise advocate align allocate amend annotate anticipate appoint
    architect articulate ask assemble assign assist attach authorise authorize
    backfill bootstrap brief broadcast bundle calculate calibrate canvass
    capitalise capitalize catalog catalogue categorise categorize centralise centralize
    champion circulate cite classify codify collaborate combine commission
    commit compare compose conceptualise conceptualize conclude consult contribute craft
    crawl curate customise customize debug decentralise declutter dedicate delegate
    demonstrate derive detect devise disseminate edit elaborate embed employ empower
    encourage engage engineer enlist escalate estimate examine execute exhibit expose
    familiarise familiarize federate fine-tune flesh forge formulate foster generalise
    generalize groom handle harden harmonise harmonize harvest ideate illustrate
    incubate inform initiate innovate inspect institute instruct interlink inventory
    invest invite involve itemise jumpstart leverage lobby mandate
    mature mobilise mobilize moderate modify modularise modularize motivate
    nominate notify nurture observe operate orchestrate orient outsource overhaul
    participate patch persuade polish populate practise prescribe
    probe proofread provision publicise publicize purge pursue qualify
    rationalise rationalize recommend reconcile remediate reconfigure redefine redeploy
    redo refine reflect reformat reorganise reorganize repackage repair rephrase
    replicate reposition represent rescope reshape resolve respond restart
    restructure resume retrain revisit safeguard scope
    serve settle simplify simulate socialise socialize solicit solve spearhead specify
    spotlight steer streamline subscribe summarise summarize supervise synchronise
    synchronize synthesise synthesize systematise tackle terminate tidy tune
    tutor undertake unify unlock use utilise utilize vet volunteer walk welcome go cook sleep
    swim cycle jog hike exercise practice bike ride row pay ratify help play transcribe
    label tag""")

# Verbs that name a change in a measure.
CHANGE_VERBS = _words("""
    increase reduce decrease grow raise improve cut lower boost double triple quadruple
    halve lift drive accelerate shorten minimise minimize maximise maximize eliminate
    speed decline drop shrink trim bring optimise optimize enhance strengthen deepen
    widen broaden scale limit curb slash stabilise stabilize uplift elevate decrease
    diminish lessen tighten prevent avoid lose eradicate treble""")

# Verbs whose object is something others give us: customers, leads, revenue, a score.
ATTAIN_VERBS = _words("""
    achieve reach hit attain get gain acquire win sign generate close secure attract
    earn retain land book exceed surpass have see enrol enroll capture recover
    sell save obtain collect bring keep-up score receive outperform realise realize""")

# Verbs that hold a level rather than change it.
HOLD_VERBS = _words("maintain keep sustain stay remain preserve protect")

# Nouns for things the team itself produces (counting them counts effort).
OWN_WORK_NOUNS = _words("""
    mou mous memoranda post posts blog-posts blogposts article articles webinar webinars
    video videos
    feature features event events workshop workshops training trainings course courses
    session sessions interview interviews call calls cold-calls email emails campaign
    campaigns release releases hire hires test tests a/b page pages landing-pages
    case-studies reports report tutorials tutorial podcasts podcast episode episodes
    newsletters talks talk demos prototype prototypes experiments experiment integrations
    integration templates template guides guide runbooks runbook dashboards dashboard
    pull-requests prs commits story-points tickets ticket bugs modules module lessons
    lesson components component macros forms ads tweets press-releases whitepapers
    white-papers ebooks e-books infographics playbooks playbook policies policy plans
    documents specs prds stories sprints apps versions stores offices clinics locations
    warehouses servers services laptops forklifts panels audits surveys consultations
    town-halls galas meetups conferences trade-shows translations languages countries
    markets cities sites trainings certifications courses classes lectures outreach
    messages brochures flyers banners creatives assets screens endpoints apis
    libraries sdks plugins connectors workflows processes pipelines repositories repos
    microservices proposals rfps bids groups focus-groups hackathons issues
    tasks epics milestones initiatives projects roadshows retreats offsites activities
    conversation conversations meeting meetings one-on-ones 1:1s check-ins snippets
    chapters streams livestream livestreams vlog vlogs inquiries studies findings
    recommendations action-items standards conventions guidelines performances concerts recitals productions exhibitions
    publications patents theses dissertations papers partnerships""")

# Our own people: counting them (hired, trained, onboarded) counts effort too.
OWN_PEOPLE_NOUNS = _words("""
    engineers developers nurses doctors teachers staff employees managers agents reps
    interns hires recruits team-members team-member team-leads team-lead salespeople
    designers analysts people consultants technicians drivers volunteers mentors coaches
    tutors ambassadors annotator annotators transcriber transcribers labellers labelers
    translators moderators editors writers researchers
    account-executives aes sdrs bdrs scientists officers leaders roles positions
    vacancies colleagues staff-member staff-members advisers advisors caseworkers
    counsellors counselors librarians firefighters paramedics""")

# Nouns for people or responses outside the team: counting them counts a response.
OTHERS_NOUNS = _words("""
    customers customer clients client users user accounts logos sign-ups signups
    subscribers subscriptions leads mqls sqls opportunities deals prospects members member
    website-visits site-visits web-visits organic-visits organic-sessions website-sessions
    web-sessions site-sessions
    donors donations students learners pupils patients citizens residents visitors
    downloads installs installations registrations enrolments enrollments bookings
    orders purchases transactions reviews ratings referrals followers partners
    resellers contributors renewals upgrades trials teams companies organisations
    organizations businesses buyers shoppers readers listeners viewers attendees
    participants graduates sponsors investors pledges testimonials mentions backlinks
    stars forks page-views views impressions likes shares signatures letters-of-intent
    commitments households families households applicants merchants sellers
    restaurants stores-using schools hospitals practices tenants guests travellers
    travelers riders passengers players fans households adopters champions payers
    responses replies respondents inquiries enquiries requests demo-requests
    conversions wins tenders awards beneficiaries recipients claimants callers
    service-users parents carers caregivers teachers volunteers voters taxpayers
    farmers drivers commuters employers jobseekers tourists audiences creators""")

# Nouns for a measure that can move: a rate, a time, money, a score.
METRIC_NOUNS = _words("""
    revenue revenues arr mrr arpu arpa acv aov ltv clv cac cpa cpl cpc roi roas churn
    retention renewal renewals nps csat ces enps satisfaction conversion conversions
    adoption activation engagement usage active dau mau wau daus maus waus latency uptime
    availability downtime error errors failure failures incidents incident outages outage defects
    bugs response resolution cycle lead time times cost costs spend spending margin
    margins profit profits profitability ebitda cash runway dso dpo attrition turnover
    rate rates ratio share score scores percentage wait waiting backlog readmissions
    complaints abandonment drop-off dropoff dropout dropouts bounce ctr click-through
    pipeline bookings sales signups sign-ups registrations subscribers customers users
    leads downloads installs members donors donations students patients visits visitors
    traffic page-views views followers reviews rating ratings accuracy throughput
    productivity utilisation utilization occupancy yield awareness growth upsell quota
    efficiency emissions co2 energy waste deflection escalations contacts frequency
    speed duration length velocity coverage mttr mttd mtbf p50 p90 p95 p99 deals
    opportunities accounts logos orders transactions purchases gmv volume ridership
    enrolment enrollment absenteeism attendance completion pass graduates employed
    placements vaccination infections no-show no-shows returns on-time fulfilment
    fulfillment delivery funding income savings budget price prices pricing value
    win wins tenders grants kpi sla slo slos slas health quality reliability
    stability performance mentions reach impressions loyalty trust sentiment turnout
    proficiency billability timeliness persistence attainment
    accidents injuries safety turnaround backorders stockouts stock-outs scrap rework
    defect recidivism literacy scores grades marks wellbeing well-being burnout
    diversity representation inclusion headcount capacity load compliance carbon
    footprint miles crashes crash-free bounces unsubscribes opens clicks nrr grr
    forecast variance overdue arrears debt debts ranking rankings shrinkage repeat absence
    sickness muscle bmi
    roic roe roa roce cagr eps tsr intensity confidence outbreaks gap gaps uptake take-up
    gearing index interval intervals collapses bursts non-compliances
    liquidity incidence infection complications reactions sores ulcers mortality morbidity
    value-added prevalence impact loss losses return-on-equity return-on-assets
    return-on-net-assets return-on-invested-capital return-on-capital-employed
    return-on-capital return-on-investment""")

# Measures that rise without anyone getting more value (vanity or activity coverage).
VANITY_NOUNS = _words("""
    page-views views followers likes impressions stars forks hits clicks visits
    time-on-site session story-points velocity commits lines-of-code coverage
    hours-logged""")

# Words of their own one slip from a verb (a letter dropped, added or swapped with its
# neighbour): never read as a mistyped verb ("sprint" is not "print", "center" not "enter").
WORDS_NEAR_A_VERB = _words("""strategies priorities contract center compete elect
    preview arise boring sprint crate estate trail complaint equipe""")

# Words that mark a state reached: a milestone, not a change for anyone.
DONE_STATES = _words("""
    launched shipped released live go-live completed done finished implemented
    deployed rolled migrated published delivered documented in-place available
    signed-off approved built installed introduced created written hired opened
    decommissioned retired removed replaced upgraded integrated automated certified
    established defined finalised finalized ready operational rolled-out set-up
    submitted drafted produced translated trained onboarded tested ga mvp backed-up
    deleted stopped discussed learned learnt shared validated verified revised
    prioritised prioritized proposed agreed decided configured archived held hosted
    conducted sent visited""")

# A participle that reports a change in a measure ("failures reduced to fewer than 2").
CHANGED_STATES = _words("""
    reduced increased improved cut lowered grown raised halved doubled tripled down up
    decreased shortened dropped fell rose grew drops drop rises rise grows falls goes
    improves reaches reached exceeds exceeded""")

# Words of certification and compliance: obtained or not, a milestone.
CERTIFICATION_WORDS = _words("""
    certification certified certificate accreditation accredited iso soc soc2 hipaa
    pci gdpr-compliant fedramp parity go-live""")

# Nouns for an artefact the team makes; "improve the documentation" is work on it.
ARTEFACT_NOUNS = _words("""
    documentation docs website site page pages ui ux design codebase code architecture
    dashboard tool tooling tools wiki handbook playbook guide process processes plan
    roadmap strategy framework template templates library api sdk app application
    platform system systems infrastructure pipeline pipelines module feature features
    messaging copy brand branding content curriculum syllabus policy policies workflow
    workflows flow backlog structure setup set-up model models diagram diagrams""")

# Small words that end the noun phrase a number counts ("500 new students enrol ...").
PHRASE_STOPS = _words("""
    from to in on for with by of per at that which who and or within across into through
    over under above below each every a an the via so as than before after until during
    this next last""")

# Adverbs and fillers that may precede the leading verb ("Successfully launch ...").
LEADING_FILLERS = _words("""
    successfully fully officially publicly formally quickly finally also further
    significantly substantially continuously consistently measurably dramatically
    materially meaningfully sustainably jointly collectively actively proactively
    reliably safely always please regularly routinely systematically continually
    periodically""")

# Numbers written as words that count ("within eight weeks"), and with them the words of
# a multiple or a fraction.
CARDINALS = _words("""
    zero one two three four five six seven eight nine ten eleven twelve fifteen twenty
    thirty forty fifty sixty seventy eighty ninety hundred thousand million billion dozen""")
NUMBER_WORDS = CARDINALS | _words("""
    half double twice triple halve halved doubled tripled once thrice""")
# The same, as a regular-expression alternative (longest first).
CARDINALS_RE = "|".join(sorted(CARDINALS, key=len, reverse=True))

# Words that are a task verb or a noun ("Test coverage at 80%", "Review time under 4h").
# Currency codes written before an amount ("ETB 60M in new projects", "USD 2M from
# renewals"): money, not a verb followed by its count.
CURRENCY_CODES = _words("""usd eur gbp chf jpy cny inr aud cad nzd sgd hkd zar ngn kes etb
    ghs egp mad aed sar brl mxn ars clp cop sek nok dkk pln czk huf try idr myr php thb vnd
    krw pkr bdt lkr""")

NOUN_OR_VERB = _words("""test design review support record plan map survey audit research
    call email visit demo interview post schedule file forecast lead track measure report
    release launch process budget cost build deploy deployment onboard hire training
    change""")

# Adjectives that open a noun phrase, never an imperative ("Average handle time ...").
PHRASE_OPENERS = _words("""new average median mean monthly weekly daily annual annualised
    quarterly total net gross overall first repeat organic paid free active recurring
    internal external average""")

# Hints for which outcome family an output most likely serves.
FAMILY_HINTS: dict[str, tuple[str, ...]] = {
    "customer value": tuple("""customer customers user users client clients patient
        patients student students citizen citizens member members donor donors
        onboarding adoption retention churn satisfaction experience app product
        feature features portal platform help support chatbot website partner partners
        community learners pupils residents buyers mobile""".split()),
    "financial": tuple("""revenue sales pricing price deal deals pipeline budget cost
        costs invoice invoicing billing payment payments margin funding grant grants
        fundraising lead leads campaign campaigns webinar webinars marketing erp
        finance financial crm carriers lease procure contract contracts""".split()),
    "process": tuple("""migration migrate pipeline ci deploy deployment release
        infrastructure kubernetes database logging monitoring backups automation
        automate process workflow system systems api apis test tests testing audit
        warehouse supplier suppliers quality tooling refactor module
        runbooks service services cloud""".split()),
    "people": tuple("""hire hires hiring engineer engineers staff employee employees
        team teams training train mentoring mentor manager managers culture career
        review reviews onboard interns nurses teachers volunteers offsite town
        engagement policy""".split()),
}

# States that say a system or a team now *has* something: a capability, not a change for
# anyone ("Users can export reports", "SSO is in place", "Charts generally available").
CAPABILITY_STATES = _words("""
    available live enabled supported scalable integrated automated documented
    operational established defined ready standardised standardized in-place
    on-by-default generally possible managed merged deployed shipped launched
    published completed complete done finished built implemented installed created
    rolled-out set-up tracked instrumented accessible""")

# Internal engineering and content proxies: they can rise without anyone being better off
# (practitioners call them vanity or activity metrics), so moving them is an output.
PROXY_NOUNS = _words("""
    coverage lint linting css styles story-points velocity tech-debt debt
    lines-of-code commits sloc warnings smells lighthouse seo-score say/do
    iterations""")

# People and things a count can name that are our own effort even after a verb of
# attainment: candidates sourced, speaking spots secured, talks given, meetings held.
OWN_ACTIVITY_NOUNS = _words("""
    candidates spots slots speaking-slots keynotes talks presentations meetings briefings
    roundtables discussions pilot pilots iterations links calls media sessions coffees
    chats demos visits interviews surveys workshops offers one-on-ones one-on-one check-ins
    office-hours retrospectives retros standups stand-ups""")

# Words that compare a measure with a level or with the past: a threshold or a ranking
# is a result even without a verb of change ("Zero sev-1 incidents", "faster than").
COMPARATIVES = _words("""
    faster slower higher lower fewer more less better cheaper shorter longer quicker
    greater smaller bigger""")

# Nouns that open a key result naming a deliverable rather than a measure ("Documentation
# for educational use cases", "A sustainability model for ...", "Data and narrative of ...").
DELIVERABLE_NOUNS = _words("""
    documentation docs narrative recommendations report reports model plan policy
    roadmap strategy framework guide guidelines playbook runbook dashboard data
    analysis proposal specification spec template process page website manifesto
    survey presentation deck checklist rfc diagram diagrams""")
