"""The demo training programme's words: programme and course descriptions, evaluations, external learning,
a declined request and the year's spend.

All invented. The shape of the programme follows the service's 2017 paper on its model of practice: systemic
practice first, Signs of Safety tools for child protection work, motivational interviewing, two formal practice
development sessions, a teaching partnership and a university research programme.
"""

PROGRAMMES = {
    "systemic": (
        "Our main practice model. Systemic practice looks for problems in relationships rather than in people, "
        "treats families as the experts in their own lives and holds more than one view of a situation at once. "
        "The courses build from an introduction every social worker takes to an advanced course for those who "
        "will lead practice.\n\n"
        "The weekly group reflective session with our systemic psychotherapist is not booked here. It is "
        "recorded under Supervision, and its hours count toward your CPD record."
    ),
    "sos": (
        "Strengths-based safety planning, used in our child and family assessments and in child protection work. "
        "Every social worker takes the two-day introduction and renews it every two years, with the refresher or "
        "by taking the introduction again."
    ),
    "mi": (
        "Conversations that help parents find their own reasons to change, and hear what they want for their "
        "children. Optional, and popular: the introduction fills quickly, so ask early."
    ),
    "pd": (
        "Two formal sessions in which the whole service looked at the evidence on models of practice and agreed "
        "how we work. People who missed them, or joined since, come to a repeat."
    ),
    "partnership": (
        "Masterclasses and an annual conference run by the social work teaching partnership we belong to, with "
        "universities and neighbouring councils. Places are shared between members, so book early."
    ),
    "research": (
        "Short online briefings from our university research partner on what recent studies mean for everyday practice."
    ),
}

COURSES = {
    "sys_intro": (
        "Two days with our systemic psychotherapist. The ideas behind systemic practice, and the basic tools: "
        "genograms, circular questions, hypothesising, and noticing our own part in what happens with a family. "
        "Required for every social worker."
    ),
    "sys_intermediate": (
        "Four days, run for us by an external institute. Using systemic ideas in assessments and direct work: "
        "reflecting teams, working with difference, and planning sessions with families. For social workers who "
        "have done the introduction and use the model every week."
    ),
    "sys_advanced": (
        "Five days for practitioners who will lead systemic practice in their team: live supervision, holding "
        "complex family systems over time, and supporting colleagues to use the model."
    ),
    "sys_refresher": (
        "An afternoon with our systemic psychotherapist to go back over the core ideas with new case material. "
        "Good after a long gap, or after a move between teams."
    ),
    "sos_intro": (
        "Two days from licensed Signs of Safety trainers: mapping harm, danger and safety, scaling questions, and "
        "building a safety plan with the family and their network. Required for every social worker, and renewed "
        "every two years."
    ),
    "sos_advanced": (
        "Two days on using Signs of Safety where it is harder: children in care, disabled children, and families "
        "who reject the plan. For experienced practitioners and managers."
    ),
    "sos_refresher": (
        "A day online to bring your Signs of Safety practice up to date. Completing it renews the two-yearly "
        "requirement."
    ),
    "mi_intro": (
        "Two days on the spirit and basic skills of motivational interviewing: open questions, reflective "
        "listening, and hearing change talk, practised on real situations from the group's work."
    ),
    "mi_intermediate": (
        "Two days, half in the room and half online, for people using motivational interviewing in their "
        "practice: responding to sustain talk and discord, and recording a conversation for feedback."
    ),
    "pd_1": (
        "The first formal practice development session: what the research says about models of social work "
        "practice, and what other councils have learned."
    ),
    "pd_2": (
        "The second formal practice development session: agreeing what relationship-based practice means in "
        "this service, and what we need from supervision, caseloads and each other to do it."
    ),
    "masterclass": (
        "A morning masterclass from the teaching partnership, led by an academic and a practitioner together. "
        "Each date has its own topic, listed in the partnership's calendar."
    ),
    "conference": (
        "The teaching partnership's annual practice conference: keynote talks, workshops, and a chance to meet "
        "colleagues from member councils."
    ),
    "research": (
        "A 90-minute online briefing on a recent piece of research, with time to ask what it means for your cases."
    ),
}

# Evaluations, handed out in order to people who attended a course this year: (rating, useful, will use).
EVALUATIONS = {
    "sys_intro": [
        (
            5,
            "Drawing a genogram with a partner and then being asked circular questions about my own family. It "
            "made clear how it feels to be on the other side.",
            "I will draw genograms with families at the first visit, not leave them for the assessment.",
        ),
        (
            4,
            "Practising hypotheses out loud as a group, and hearing how many different stories fitted one family.",
            "Bring two hypotheses to each supervision session rather than one.",
        ),
    ],
    "sys_intermediate": [
        (
            5,
            "The reflecting team exercise. Listening to colleagues talk about my family while I stayed quiet "
            "showed me what I had been missing.",
            "Try a reflecting conversation with the family who feel stuck, with my manager as the second voice.",
        ),
        (
            4,
            "Time to work on a live case with the tutor. The days were long, but the case work made them worth it.",
            "Plan sessions around a question for the family rather than a list of things to tell them.",
        ),
    ],
    "sos_intro": [
        (
            5,
            "Mapping a real case as a group. The scaling question was simple, but it changed the whole conversation.",
            "Use the three columns in my next strategy discussion and ask the family for their own number.",
        ),
        (
            3,
            "The safety planning day was useful. The first morning covered ground we had already done in our "
            "ASYE induction.",
            "Build a network for the family before the safety plan, not after it.",
        ),
        (
            4,
            "Words and pictures explanations for children. I had not seen one done well before.",
            "Write a words and pictures explanation for the two children I am working with.",
        ),
    ],
    "sos_advanced": [
        (
            4,
            "How to use the framework with young people in care, which we rarely talk about.",
            "Adapt the mapping for the care leaver whose placement is at risk.",
        ),
    ],
    "sos_refresher": [
        (
            4,
            "A quick way back into the tools, with new examples from court work.",
            "Share the updated danger statement examples with the team.",
        ),
    ],
    "mi_intro": [
        (
            5,
            "Hearing change talk once you know to listen for it. The practice rounds in threes were the best part.",
            "Count my open and closed questions on my next visit and aim for more open ones.",
        ),
        (
            4,
            "Rolling with resistance instead of arguing back. Good trainers, a bit rushed at the end.",
            "Use reflective listening in the core group where the father walks out.",
        ),
    ],
    "pd_1": [
        (
            4,
            "Seeing the research side by side with what other councils found. It was honest about what does not "
            "work as well as what does.",
            "Read the full evaluation report of the model nearest to ours.",
        ),
        (
            5,
            "Being asked what we wanted from a model, before being told.",
            "Bring the team's views on caseload size to the second session.",
        ),
        (
            3,
            "Useful, but a lot to take in during one afternoon.",
            "Go back over the slides with my supervisor.",
        ),
    ],
    "pd_2": [
        (
            5,
            "We agreed something real: supervision comes first, and the group session is protected time.",
            "Keep Thursday afternoons free for the group session.",
        ),
        (
            4,
            "Hearing managers say out loud what they would change about supervision.",
            "Use the agreed record format in supervision from next month.",
        ),
    ],
    "masterclass": [
        (
            4,
            "A practitioner who had used the research in court, not just read it.",
            "Cite research on contact arrangements in my next statement.",
        ),
    ],
    "conference": [
        (
            5,
            "The care leavers' panel. They said what helped them in plain words.",
            "Ask the young people I work with how they want their review run.",
        ),
        (
            2,
            "The workshops were good but the room was too full to hear, and the keynote ran over.",
            "Follow up the workshop slides on life story work.",
        ),
    ],
    "research": [
        (
            5,
            "Short and to the point. The findings on neglect and adolescents were new to me.",
            "Check how long neglect has been known in my older children's cases.",
        ),
        (
            4,
            "Good for an ASYE: clear about what the study can and cannot say.",
            "Use the briefing in my ASYE reflective log.",
        ),
    ],
}

DECLINE_REASON = (
    "You are on the duty rota that morning and I cannot cover it. The partnership records its masterclasses: "
    "please watch the recording and we will talk about it in supervision."
)

# Learning people did outside the programme: (email, kind, title, source, days ago, hours, reflection,
# decision, decided by).
EXTERNAL_LEARNING = [
    (
        "worker8@example.org",
        "conference",
        "Care leavers' voices: annual conference",
        "Next Chapter Care Leavers Network",
        150,
        "6",
        "Young people on the panel described leaving care at 18 as falling off a cliff. I have been treating "
        "pathway plans as paperwork due on a date. I will start the plan with each young person a year earlier "
        "and ask them to chair part of their own review.",
        "approved",
        "supervisor2@example.org",
    ),
    (
        "worker3@example.org",
        "book",
        "Talking with families who do not want us there",
        "A practitioner handbook from a social work publisher",
        120,
        "5",
        "The chapters on hostility helped me see that some of what I read as resistance was fear of losing the "
        "children. I have started naming that fear at the start of difficult visits, and the conversations have "
        "been calmer.",
        "approved",
        "supervisor@example.org",
    ),
    (
        "worker4@example.org",
        "research",
        "Research briefing: children who go missing from home",
        "Research in practice programme, Riverside University",
        95,
        "1.5",
        "Most children who go missing more than three times had a change at home in the month before. I now ask "
        "about changes at home in every return interview and note them in the plan.",
        "approved",
        "supervisor@example.org",
    ),
    (
        "worker7@example.org",
        "e_learning",
        "Life story work with children in care",
        "Online course from a fostering charity",
        60,
        "3",
        "Life story work is not a book made at the end of a placement: it is a conversation that keeps going. I "
        "have asked the foster carers of the two brothers to keep a memory box with them.",
        "approved",
        "supervisor2@example.org",
    ),
    (
        "worker@example.org",
        "research",
        "Reading: evaluation of a relationship-based practice model in a London council",
        "Department for Education research report",
        180,
        "2",
        "Parents valued workers who stayed the same and kept their word. The evaluation found no clear change in "
        "outcomes for children yet, which is a reminder to measure what matters to the family, not only "
        "timescales.",
        "approved",
        "supervisor@example.org",
    ),
    (
        "supervisor2@example.org",
        "conference",
        "Practice educators' forum",
        "South Thames Social Work Teaching Partnership",
        30,
        "3",
        "How other teams give feedback to students who are struggling. I will set up a three-way meeting at the "
        "mid-point of each placement rather than waiting for concerns to build.",
        "approved",
        "manager@example.org",
    ),
    (
        "worker6@example.org",
        "book",
        "The first year in practice: a guide for newly qualified social workers",
        "A social work publisher",
        6,
        "4",
        "The chapter on managing a caseload made me realise I had been saying yes to everything. I want to "
        "agree with my supervisor what I should hand back, and keep a weekly list of what is waiting.",
        "submitted",
        "",
    ),
]

# The year's spend: (course key or "" for none, amount, description, how far into the financial year so far).
SPEND = [
    ("", "2500.00", "Teaching partnership: associate membership for the year", 0.05),
    ("", "1800.00", "Research in practice programme: yearly subscription", 0.08),
    ("pd_1", "360.00", "Room hire and refreshments: practice development sessions", 0.12),
    ("sos_intro", "480.00", "Signs of Safety introduction: two places", 0.16),
    ("masterclass", "190.00", "Teaching partnership masterclass: two places", 0.2),
    ("sys_intermediate", "450.00", "Systemic practice intermediate: one place", 0.24),
    ("", "1200.00", "ASYE programme: assessed and supported year workshops, two places", 0.3),
    ("sys_advanced", "450.00", "Systemic practice advanced: one place", 0.36),
    ("mi_intro", "390.00", "Motivational interviewing introduction: two places on an open course", 0.4),
    ("conference", "600.00", "Teaching partnership conference: five places", 0.45),
    ("sos_advanced", "640.00", "Signs of Safety advanced: two places", 0.5),
    ("sos_refresher", "240.00", "Signs of Safety refresher: two places, one paid ahead", 0.55),
    ("", "950.00", "Practice educator training, stage 2: one place", 0.6),
    ("sys_intermediate", "450.00", "Systemic practice intermediate: one place", 0.65),
    ("masterclass", "380.00", "Teaching partnership masterclasses: four places", 0.7),
    ("mi_intermediate", "520.00", "Motivational interviewing intermediate: two places, one paid ahead", 0.75),
    ("sos_intro", "480.00", "Signs of Safety introduction: two places for the ASYE workers", 0.8),
    ("mi_intro", "1560.00", "Motivational interviewing introduction: a closed course for the service, 8 places", 0.85),
    ("sys_advanced", "450.00", "Systemic practice advanced: one place, paid ahead", 0.9),
    ("sys_intro", "215.00", "Books and genogram materials for the systemic practice introduction", 0.95),
]
