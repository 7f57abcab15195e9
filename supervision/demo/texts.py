"""The demo supervision history's words: agreements, reflective notes, cases, actions and group themes.

All invented. Families are named by role, cases by reference, never by name.
"""

# What kind of work a person does decides which texts fit their records.
FAMILY_SUPPORT, IN_CARE, MANAGEMENT = "family_support", "in_care", "management"

ARRANGEMENTS = {
    FAMILY_SUPPORT: (
        "Ninety minutes once a month in a quiet room at the office, never at either of our desks. Sessions are "
        "booked a month ahead; either of us may move one by up to a week, with a reason. If a session is missed, "
        "we book another within ten working days. Urgent case decisions are not saved for supervision."
    ),
    IN_CARE: (
        "Ninety minutes once a month, at the office or by video when one of us is working from home. Sessions are "
        "booked a quarter ahead. If one is cancelled, the supervisor rebooks it within two weeks and records why."
    ),
    MANAGEMENT: (
        "Ninety minutes once a month in the service manager's office, booked for the year ahead. We cover the "
        "team's performance, our own practice and wellbeing, and cases that need a senior decision. Either of us "
        "can ask for an extra session at short notice."
    ),
    "asye": (
        "Weekly for the first six weeks, fortnightly to six months, then monthly, as the ASYE programme sets out. "
        "Ninety minutes in a private room at the office. Sessions are not cancelled for casework; if one has to "
        "move, it moves within the same week. The ASYE assessor joins one session each quarter."
    ),
}
CONFIDENTIALITY = (
    "What we talk about stays between us, except where a child or adult may be at risk of harm, where there is a "
    "concern about conduct, or where something needs a decision by the service manager. In those cases the "
    "supervisor tells the supervisee first, unless that would put someone at risk. The record is read by the two "
    "of us and the service manager; case decisions are also copied to the child's file."
)
ASYE_CONFIDENTIALITY = (
    " Notes on progress inform the ASYE assessment; the supervisee sees anything written about them before the "
    "assessor does."
)

# --- Reflective notes: each bundle is one situation, talked through with one frame -----------

CYCLES = {  # 4x4x4: the reflective cycle
    FAMILY_SUPPORT: [
        {
            "experience": "A home visit where the mother was warm at the door but would not let me upstairs. "
            "I left with more questions than I arrived with.",
            "reflection": "I felt shut out and a little foolish. Talking it through, the feeling may tell us "
            "something about how the children experience home.",
            "analysis": "Disguised compliance is one reading, but so is shame: the mother may not want a stranger "
            "to see how little there is upstairs.",
            "action_plan": "Two announced visits and one unannounced before the next core group. See the "
            "bedrooms and speak to each child alone.",
        },
        {
            "experience": "The 14-year-old went missing overnight again and was found by police in another "
            "borough. Most of the next morning went on calls to partners.",
            "reflection": "I came away angry on the young person's behalf, and tired. It helped to say that out "
            "loud rather than carry it home.",
            "analysis": "The missing episodes cluster around contact weekends. That points to the relationship "
            "with the father as much as to peers.",
            "action_plan": "Agree a missing-from-home safety plan with the young person, the mother and the "
            "police missing persons coordinator.",
        },
        {
            "experience": "A tense core group: the father walked out after the school shared attendance figures, "
            "and the meeting carried on without him.",
            "reflection": "I found myself siding with the school. On reflection I had not given the father's "
            "account the same weight.",
            "analysis": "The father's anger may be fear of losing the children. Naming that could open a "
            "conversation rather than close one.",
            "action_plan": "Phone the father before the next core group, go through the figures with him, and "
            "invite him to bring someone for support.",
        },
        {
            "experience": "First direct work with the 8-year-old using the three houses tool. He drew a dog in "
            "the house of good things and left the house of worries empty.",
            "reflection": "Pleased with the session, but worried I had promised more visits than my caseload allows.",
            "analysis": "An empty house of worries can mean there are none, or that it is not yet safe to say "
            "them. Trust takes more than one session.",
            "action_plan": "Return to the three houses in a fortnight and share the drawings with the mother, "
            "with the child's agreement.",
        },
        {
            "experience": "The grandmother rang to say she can no longer look after the children at weekends. "
            "She was in tears and apologised several times.",
            "reflection": "Sad more than anything. The family has leaned on her for years, and so have we, "
            "without asking what it costs her.",
            "analysis": "The plan rested on one person. Thinking about the whole family network would spread "
            "the load before it breaks again.",
            "action_plan": "Family network meeting within three weeks, with the father's side of the family "
            "invited in their own right.",
        },
        {
            "experience": "A joint visit with the health visitor to a baby of four months. The flat was cold and "
            "the mother seemed flat and withdrawn.",
            "reflection": "It reminded me of an earlier case where I moved too fast. I am trying to hold my nerve "
            "and not fill the silence.",
            "analysis": "Low mood, a cold home and missed appointments are each a worry; together they fit a "
            "pattern of neglect we must not explain away.",
            "action_plan": "With the mother's consent, ask the GP about a perinatal mental health referral. "
            "Visit again with the health visitor next week.",
        },
        {
            "experience": "The 16-year-old refused to see me for the third time, then sent a long message late "
            "that night explaining why.",
            "reflection": "I felt rejected and then oddly hopeful. The message was more honest than any visit "
            "has been.",
            "analysis": "The refusals may test whether I will keep coming back. Being consistent matters more "
            "than where we meet.",
            "action_plan": "Offer to meet somewhere the young person chooses, at the same time each week, and "
            "keep to it.",
        },
        {
            "experience": "A strategy discussion after the 11-year-old disclosed at school. Police and health "
            "joined at short notice and we agreed a section 47 enquiry.",
            "reflection": "Anxious before the meeting, calmer once there was a clear plan. I want to notice what "
            "helped so I can use it again.",
            "analysis": "We weighed acting too slowly against frightening the child into taking it back. The "
            "plan keeps the child's account at the centre.",
            "action_plan": "Joint visit with police, seeing the child at school first. Confirm the safety plan "
            "with the mother the same day.",
        },
    ],
    IN_CARE: [
        {
            "experience": "A hard visit to the foster home after the 13-year-old damaged his bedroom door. The "
            "carers were exhausted and spoke about giving notice.",
            "reflection": "I felt the pull to find a new placement quickly, which would settle my worry and not "
            "the young person's.",
            "analysis": "Another move would confirm his belief that adults give up. The behaviour may be testing "
            "whether this home will hold.",
            "action_plan": "Ask for extra support hours for the carers, book a CAMHS consultation, and visit "
            "again within a week.",
        },
        {
            "experience": "The 19-year-old care leaver missed two appointments, then turned up at the office with "
            "an eviction warning.",
            "reflection": "Frustrated at first, then aware I was reacting like a parent whose warnings had been "
            "ignored.",
            "analysis": "As corporate parents we share the responsibility for the arrears. A crisis is often "
            "when this young person accepts help.",
            "action_plan": "Go with the young person to the housing office, apply for arrears support, and agree "
            "a weekly text check-in.",
        },
        {
            "experience": "In the car, the 9-year-old asked why he cannot live with his mother. I answered "
            "briefly and changed the subject.",
            "reflection": "I was caught off guard and I think my discomfort showed. The child noticed and went quiet.",
            "analysis": "Children fill gaps in their story themselves, often with blame. An honest account in "
            "words he can use protects him.",
            "action_plan": "Start life-story work with the carers' help, and agree the words we will use with "
            "the independent reviewing officer.",
        },
        {
            "experience": "Family time went well: the 15-year-old and the birth mother baked together and "
            "laughed. The carers were anxious when she came home.",
            "reflection": "Moved by how relaxed they were together, and wary of letting one afternoon change my "
            "view too quickly.",
            "analysis": "The young person can hold two families in mind. The adults find that harder than she does.",
            "action_plan": "Ask the young person what more family time would look like, and bring the carers "
            "and the mother to the review together.",
        },
        {
            "experience": "Visited the 16-year-old seeking asylum in semi-independent accommodation. He was "
            "polite, quiet and said everything was fine.",
            "reflection": "I noticed my own wish to accept 'fine' and leave. There was no interpreter, and I "
            "should not have gone ahead without one.",
            "analysis": "Politeness may be how he has survived. His account of the journey is his to share, "
            "when he is ready, through a trusted interpreter.",
            "action_plan": "Book the same interpreter for every visit, check the solicitor has what they need, "
            "and register him with a GP.",
        },
    ],
}

FUNCTIONS = {  # 4x4x4: the four functions of supervision
    "management": [
        "Caseload of {caseload} children reviewed. Two cases are ready to step down to early help and one to close.",
        "Visits are in timescale on every plan but one, where a visit slipped by two days. The reason is recorded.",
        "Caseload is {caseload} children. Workable for now, but no room for a new set of care proceedings this month.",
        "Recording is behind on two families. Protected time set aside on Friday morning to catch up.",
        "The supervisor confirmed the decision to hold one case at child in need for four more weeks, with a "
        "review date.",
        "Allocation of the new referral is held back until the court statement is filed.",
    ],
    "development": [
        "Interested in the systemic practice course in the spring. Will ask the workforce team about places.",
        "Wants to get better at chairing network meetings. Will watch the supervisor chair one next month.",
        "Finished the court skills training and reflected on giving evidence with more confidence.",
        "Reading about adolescent neglect before the group session, and will bring one idea back to the team.",
        "Asked for written feedback on a recent assessment; the supervisor will send comments this week.",
    ],
    "support": [
        "A tiring month with two late nights. Took the time back and feels better for it.",
        "Found the disclosure hard to hear. Talked about the employee assistance line and the team's debrief space.",
        "Coping well. The team has been supportive and the office feels calmer than last month.",
        "A family event at home clashes with a hearing; cover is agreed in advance.",
        "Signs of tiredness: skipping lunch, working evenings. Agreed to leave the laptop at work for a fortnight.",
    ],
    "mediation": [
        "Repeated delays from adult mental health services. The supervisor will raise this at the partnership meeting.",
        "The school keeps sending the 13-year-old home for part days. Escalate to the education safeguarding lead.",
        "Housing has not answered the overcrowding referral in six weeks. The supervisor will contact the "
        "housing manager.",
        "Nothing to take to the organisation this month.",
        "Interpreter bookings keep falling through. Raised with the service manager as a problem for the whole team.",
    ],
}
ASYE_DEVELOPMENT = [
    "ASYE portfolio: agreed which piece of direct work to write up as a critical reflection.",
    "Protected caseload reviewed against the ASYE programme. The next observation of practice is booked.",
    "Shadowed a child protection conference. We talked about how to prepare a family for one.",
]

MANAGER_NOTES = {  # the team manager's own supervision with the service manager
    "experience": [
        "A busy month: four new assessments, an emergency protection order and a worker off sick for a fortnight.",
        "The team's audit came back: the child's voice is recorded well, chronologies less so.",
        "Two complaints from families this month, both about a change of worker. Both answered in time.",
        "Covered duty three days running while the vacant post is recruited to.",
    ],
    "reflection": [
        "Stretched between the team's needs and my own casework. Hard to protect time for reflective supervision.",
        "Proud of how the team handled the emergency protection order: calm, clear and respectful with the family.",
        "I rushed two supervisions this month. The team deserves better, and so do I.",
        "Worried about one worker's caseload rising month on month, and my own part in letting it drift.",
    ],
    "management": [
        "One worker's caseload is well above the team average. New allocations to them are paused for a month.",
        "Agency cover for the vacant post is agreed to the end of the quarter.",
        "Assessments in timescale at 86 per cent this quarter, up from 79. Talked through the two that ran over.",
        "The team will bring one case a month to the group reflective session.",
    ],
    "development": [
        "Starting the practice supervisor development programme in the new year.",
        "Would like to co-facilitate a group session with the systemic psychotherapist.",
        "Supervising a newly qualified worker again; went through the ASYE assessment framework together.",
    ],
    "support": [
        "Tired but well. Took a full week of leave and came back rested.",
        "The emergency protection order stayed with me. We talked about the weight of that decision.",
        "Managing. Asked for a short weekly check-in on workload while the post is vacant.",
    ],
    "mediation": [
        "Raise the delays in legal advice on pre-proceedings cases with the head of service.",
        "Ask human resources to speed up recruitment to the vacant post.",
        "Nothing to take further this month.",
    ],
}

MAPS = {  # Signs of Safety: each map has a starting point on the 0 to 10 scale
    FAMILY_SUPPORT: [
        {
            "scale": 5,
            "worries": "The mother's drinking has increased since the father left. The children have twice been "
            "collected late from school with no explanation.",
            "working_well": "The maternal grandmother lives nearby and the children go to her most days after "
            "school. She is clear about what worries us.",
            "needs_to_happen": "A safety plan the children help to write, with the grandmother as the named safe "
            "adult in the evenings.",
            "scale_reasons": "At {scale} because the grandmother is reliable but nothing yet works when she is "
            "away. A point up would mean a second safe adult in the plan.",
        },
        {
            "scale": 4,
            "worries": "The 14-year-old goes missing and comes back with new clothes and a second phone. We worry "
            "about criminal exploitation.",
            "working_well": "He trusts his youth worker and usually tells him where he is going.",
            "needs_to_happen": "A disruption meeting with police and the youth worker, and a referral to the "
            "exploitation panel.",
            "scale_reasons": "At {scale}: missing episodes are down from weekly to once this month. A point up "
            "would be a month with none.",
        },
        {
            "scale": 3,
            "worries": "Bruising on the toddler's arm with an explanation that does not fit. There were two "
            "earlier referrals about similar marks.",
            "working_well": "The mother sought medical help herself, and the nursery is observant and reports quickly.",
            "needs_to_happen": "The mother and her partner agree a safety plan, with the nursery as a daily check.",
            "scale_reasons": "At {scale}: the danger is recent and the plan is untested. Moving up needs four "
            "weeks of the plan holding.",
        },
        {
            "scale": 5,
            "worries": "The baby is not gaining weight and health appointments are missed. The mother is "
            "isolated and low in mood.",
            "working_well": "The health visitor visits weekly and gets on well with the mother, who is warm and "
            "attentive with the baby.",
            "needs_to_happen": "A paediatric assessment within two weeks, with transport arranged so the mother "
            "can go.",
            "scale_reasons": "At {scale}. The baby's weight has started to follow a steady line; another month "
            "of that would move it up.",
        },
        {
            "scale": 5,
            "worries": "The parents argue in front of the children, and one argument ended with the police being "
            "called.",
            "working_well": "Both parents now say the children should not see their arguments, and the children "
            "can name who they would call.",
            "needs_to_happen": "The father starts the domestic abuse programme; contact stays supervised until then.",
            "scale_reasons": "The supervisor put it at {scale}, the worker a point higher. The difference is how "
            "much weight to give the father's new engagement.",
        },
        {
            "scale": 6,
            "worries": "The 10-year-old cares for two younger siblings most evenings and is tired and late for school.",
            "working_well": "School is a safe place: the children are fed, attend well and talk to the learning "
            "mentor.",
            "needs_to_happen": "A young carers assessment for the 10-year-old and after-school support for the "
            "younger two.",
            "scale_reasons": "At {scale} because school holds the children well in the day. A point up would be "
            "two weeks of evening support in place.",
        },
        {
            "scale": 6,
            "worries": "The father's drug use was the reason for the plan; a relapse would leave the children "
            "without a safe carer at night.",
            "working_well": "Six weeks of clear tests, and the father keeps every appointment with the drug service.",
            "needs_to_happen": "Tests shared at each core group, and a named relative ready to step in if he relapses.",
            "scale_reasons": "At {scale}: the progress is real but only six weeks old. A point up would be "
            "three months of clear tests.",
        },
    ],
    IN_CARE: [
        {
            "scale": 5,
            "worries": "The 13-year-old's placement is at risk after damage to property, and the carers talk "
            "about giving notice.",
            "working_well": "The carers are committed, and the young person says this is the first place that "
            "has felt like home.",
            "needs_to_happen": "Extra support hours for the carers and a CAMHS consultation within a month.",
            "scale_reasons": "At {scale} because the carers feel heard again. A point up would be a settled "
            "month at home and at school.",
        },
        {
            "scale": 4,
            "worries": "The 16-year-old is self-harming and has stopped going to CAMHS appointments.",
            "working_well": "She talks openly to her key worker at the supported lodgings and has a plan for bad "
            "nights.",
            "needs_to_happen": "A new CAMHS referral with the key worker going too, and an evening text check-in "
            "for two weeks.",
            "scale_reasons": "At {scale}. She tells adults when she is struggling; a point up would be her back "
            "at CAMHS.",
        },
        {
            "scale": 6,
            "worries": "Rent arrears put the 19-year-old's tenancy at risk, and he has stopped opening letters.",
            "working_well": "He answers texts and came to the office when he needed help.",
            "needs_to_happen": "A joint visit to the housing office and a budget he has agreed to.",
            "scale_reasons": "At {scale}: the arrears are manageable if he stays in touch. A point up would be "
            "the first payment made.",
        },
    ],
}

HYPOTHESES = {  # systemic frame
    FAMILY_SUPPORT: [
        {
            "hypotheses": "One story: the mother is hiding how bad things are. Another: she has learned that help "
            "arrives as judgement. A third: the children are protecting her.",
            "missing_voices": "The 12-year-old has only been seen with the mother there. The father's family "
            "have never been asked.",
            "family_views": "The mother would say we only notice what goes wrong. The 12-year-old might say home "
            "is fine but lonely. The grandmother would say she warned us.",
            "curiosity": "What would the 12-year-old say a good week looks like? Who does the mother call when "
            "she is worried?",
        },
        {
            "hypotheses": "The father's absence from meetings could be lack of interest, shame about his own "
            "childhood in care, or meeting times that clash with his shifts.",
            "missing_voices": "The father's, and the 7-year-old's view of the father.",
            "family_views": "The mother would say he has let them down. The father might say nobody asked him. "
            "The 7-year-old talks about him all the time.",
            "curiosity": "What does the father think the children need from him? Would he come if we met in the "
            "evening?",
        },
        {
            "hypotheses": "The 15-year-old's anger might be about the new partner, about a loss nobody talks "
            "about, or about growing up faster than the family can bear.",
            "missing_voices": "The older sister who left home last year, and the school counsellor.",
            "family_views": "The mother says she has lost her daughter. The daughter says nobody listens. The "
            "partner says he is trying to keep out of it.",
            "curiosity": "What changed a year ago? What would the sister say about how the family used to be?",
        },
        {
            "hypotheses": "The family's wariness may come from past experience of services, worry about "
            "immigration status, or a different idea of what help means.",
            "missing_voices": "Relatives abroad, who are consulted on every big decision, and the community "
            "elder the mother mentioned.",
            "family_views": "The mother would say she is coping alone. The eldest son feels responsible for "
            "everyone. The youngest just wants to stay at his school.",
            "curiosity": "Who does the family trust, and could they join a meeting? What would a good outcome "
            "be, in their own words?",
        },
        {
            "hypotheses": "Our involvement may be part of the pattern: each new worker starts again, and the "
            "family tell their story from the beginning.",
            "missing_voices": "Earlier workers, through the file, and the health visitor who has known the "
            "family longest.",
            "family_views": "The mother might say we come and go. The 9-year-old might say social workers are "
            "people who ask the same questions.",
            "curiosity": "What would make this time feel different to the family? What do they want us to stop doing?",
        },
    ],
    IN_CARE: [
        {
            "hypotheses": "The carers' worry about family time may be about the young person's safety, about "
            "their own place in her life, or both.",
            "missing_voices": "The birth father, never asked about family time, and the friend's family where "
            "she spends weekends.",
            "family_views": "The young person would say she loves both homes. The carers would say they are "
            "protecting her. The birth mother would say she is finally being given a chance.",
            "curiosity": "What would help the adults talk to each other directly? What does the young person "
            "want the review to decide?",
        },
        {
            "hypotheses": "Missed appointments could be chaos, could be independence, or could test whether we "
            "stay when we are not needed every week.",
            "missing_voices": "The former foster carer, who still sees him every Sunday.",
            "family_views": "He would say he is an adult now. His former carer would say he still rings her "
            "most nights. His personal adviser would say he is doing better than the file suggests.",
            "curiosity": "What does independence mean to him? What would he want from us at 21?",
        },
        {
            "hypotheses": "The 9-year-old's unsettled behaviour may be grief for his brother, fear of another "
            "move, or the change of school.",
            "missing_voices": "The brother's, who lives with other carers across the borough.",
            "family_views": "The 9-year-old would say he misses his brother. The carers think he needs a quiet "
            "routine. The brother's carers would welcome more contact.",
            "curiosity": "What do the brothers do together when they meet? Could the two sets of carers meet first?",
        },
        {
            "hypotheses": "The grandparents' tiredness could be age, grief for their own daughter, or the strain "
            "of being parents again in their sixties.",
            "missing_voices": "The children's mother, still in touch by phone, and the grandparents' other adult "
            "children.",
            "family_views": "The grandmother would say she cannot give up. The grandfather would say they need a "
            "break. The 7-year-old would say bedtime is scary.",
            "curiosity": "Who else in the family could share the load? What would a good weekend look like for "
            "the grandparents?",
        },
    ],
}

# --- Cases, actions and the supervisee's side ---------------------------------------------

CASES = {  # (what was discussed, decisions and direction)
    FAMILY_SUPPORT: [
        (
            "Child protection plan for neglect, five months in. Home conditions improve before visits and slip "
            "after. The 6-year-old's attendance is 82 per cent.",
            "Stay on the plan. Add unannounced visits and ask the school for weekly attendance figures.",
        ),
        (
            "Three missing episodes since the last session, each after contact with the father. One return home "
            "interview was taken up.",
            "Strategy discussion about exploitation. The same worker to offer every return interview.",
        ),
        (
            "Police called to the home after an assault. The mother says the relationship is over; the children "
            "say the father still visits.",
            "Start a child and family assessment. See the children alone at school this week.",
        ),
        (
            "Pre-proceedings: the meeting went well and the parents are working with their solicitor. A "
            "parenting assessment is booked.",
            "Continue under the PLO and review in six weeks with the parenting assessment.",
        ),
        (
            "The baby's weight has dropped below the expected line. Appointments are missed, but the mother is "
            "warm and attentive on visits.",
            "Joint visit with the health visitor; ask the paediatrician about faltering growth.",
        ),
        (
            "The child in need plan is working: the parents finished the parenting course and the 10-year-old "
            "has settled at school.",
            "Step down to early help at the next review, with a joint visit to introduce the family worker.",
        ),
        (
            "The 12-year-old told school that the stepfather hits him when angry. The mother does not believe it.",
            "Section 47 enquiry agreed at strategy. The child stays with the maternal aunt while it runs.",
        ),
        (
            "Private fostering: the 15-year-old lives with a family friend who is committed but struggling for money.",
            "Finish the private fostering assessment and check what financial support the carer can have.",
        ),
        (
            "Assessment near its deadline. The family are hard to reach, and the eldest child looks after the "
            "younger ones after school.",
            "Ask for a short extension with the reasons recorded. Offer a young carers assessment.",
        ),
        (
            "Ready to close: the mother has settled in a refuge and the children are doing well at their new school.",
            "Close with a letter to the mother and a closing summary; tell the new school's safeguarding lead.",
        ),
    ],
    IN_CARE: [
        (
            "The 15-year-old wants more time with the birth mother. The carers worry about the effect on the "
            "placement.",
            "Raise at the looked-after review, after asking the young person what family time should look like.",
        ),
        (
            "The placement is under strain after the 13-year-old damaged property twice. The carers want more "
            "support, not a move.",
            "Ask for extra support hours and a CAMHS consultation for the carers.",
        ),
        (
            "The 19-year-old care leaver is in rent arrears and could lose the tenancy. Replies to texts more "
            "than calls.",
            "Meet at the housing office together; check the setting-up-home allowance and arrears support.",
        ),
        (
            "The 9-year-old keeps asking why he cannot live with his mother. The carers are unsure how to answer.",
            "Start life-story work; give the carers words agreed with the independent reviewing officer.",
        ),
        (
            "Special guardianship: the grandparents are tired and the 7-year-old's bedtimes have become hard.",
            "Review the support plan and refer to the post-order support service.",
        ),
        (
            "The 16-year-old seeking asylum is settling in semi-independent accommodation. The asylum interview "
            "is still to come.",
            "Book an interpreter for each visit and make sure the solicitor has the paperwork.",
        ),
        (
            "The pathway plan is overdue for review. The 18-year-old wants to start college in the autumn but has "
            "no funding yet.",
            "Review the pathway plan this month and apply for the bursary with the young person.",
        ),
        (
            "The 12-year-old has a fixed-term exclusion and the personal education plan is out of date.",
            "Meet the designated teacher and the virtual school; update the plan within two weeks.",
        ),
    ],
}
CASES[MANAGEMENT] = CASES[FAMILY_SUPPORT]

ACTIONS = {  # owned by the supervisee
    FAMILY_SUPPORT: [
        "Update the chronology before the core group",
        "Arrange a family network meeting and invite the father in his own right",
        "Complete the child and family assessment",
        "See each child alone at the next visit and record what they say in their words",
        "Ask the mother's consent to refer her to the perinatal mental health team",
        "Write the case summary for the legal gateway meeting",
        "Book a genogram session with the family",
        "Agree a missing-from-home safety plan with the young person",
        "Write the closing summary and a closing letter to the family",
        "Arrange a joint visit with the early help worker before stepping down",
        "Ask the school for attendance and behaviour records for this term",
    ],
    IN_CARE: [
        "Ask the young person what they want from the looked-after review",
        "Update the pathway plan with the young person",
        "Visit the foster carers to talk about the support they need",
        "Ask the virtual school for an update on the personal education plan",
        "Start life-story work with the 9-year-old and the carers",
        "Check the care leaver's housing application and bursary payments",
        "Book the same interpreter for the next three visits",
    ],
    MANAGEMENT: [
        "Send the team's caseload summary to the service manager",
        "Review the two assessments that ran over timescale and share the learning with the team",
        "Draft the advert for the vacant social worker post",
        "Book the team away day on relationship-based practice",
        "Hold a caseload review with each worker this month",
    ],
}
SUPERVISOR_ACTIONS = {  # owned by the supervisor
    FAMILY_SUPPORT: [
        "Raise the housing delay with the housing manager",
        "Ask for legal advice on whether the case meets the threshold for pre-proceedings",
        "Find cover for the court hearing",
        "Review allocations with the service manager",
    ],
    IN_CARE: [
        "Ask the fostering team about extra support hours for the carers",
        "Raise the interpreter bookings with the service manager",
        "Check the bursary application has been approved",
    ],
    MANAGEMENT: [
        "Raise the delays in legal advice at the heads of service meeting",
        "Confirm agency cover to the end of the quarter",
    ],
}

REFLECTIONS = [
    "Helpful session. I left with a clearer plan and felt less alone with the decision.",
    "Glad we made time to talk about how the visit affected me. I slept better that night.",
    "I think the actions are right, but I am not sure I can do them all before the review.",
    "Thinking through other explanations helped me go back to the family with better questions.",
    "The scaling question was useful. Hearing where my supervisor put it, and why, changed my own view.",
    "I would like more time on my development next session; we ran out today.",
    "A good reminder to bring the child's voice into every case discussion, not only the ones in court.",
    "I felt heard about my workload. I will see whether stepping two cases down makes a difference.",
    "Useful to have the decision written down clearly. I feel more confident explaining it to the family.",
    "An honest conversation about how tired I am. I have booked leave for next month.",
]

DISAGREEMENT = {
    "management": "Caseload of {caseload} children discussed. The supervisor's view is that it is manageable "
    "for now if two lower-need cases are prioritised for step-down.",
    "comment": "I do not agree that my caseload is manageable. I work 30 hours a week and hold three "
    "pre-proceedings cases. I would like this raised with the service manager, and the record to show I asked.",
}
ADDENDUM = (
    "Added after sign-off: the core group for {case} moved by a week at the school's request, so the first "
    "action's due date moved with it. The decisions recorded above are unchanged."
)
PREPARATION_FOR_NEXT = {  # private, for the booked session
    "went_well": "The network meeting finally happened and the paternal aunt offered to help with school runs.",
    "worries": "I am not sure I see the younger child alone often enough. The mother is always in the room.",
    "to_think_about": "How to raise my caseload without sounding as if I cannot cope. Whether I am ready to apply "
    "for the senior post.",
}
PREPARATION_FOR_LAST = {  # shared with the supervisor before the last session
    "went_well": "The 14-year-old agreed to meet me at the youth centre and talked for an hour.",
    "worries": "Two assessments are due in the same week as a court date.",
    "to_think_about": "Whether the case should go to the legal gateway panel, or the new plan gets another month.",
}

# --- Group reflective sessions, oldest first ----------------------------------------------

GROUP_WEEKS = 26
GROUP_WEEKS_OFF = {7, 19}  # weeks back with no session: school holidays and the facilitator's leave
THEMES = [
    (
        "Working with fathers",
        "Invite fathers early and in their own right, not through the mother.\n"
        "Ask what would make it possible for them to come: the time, the place, who else is there.\n"
        "Notice when our own assumptions keep fathers at the edge of the plan.",
    ),
    (
        "Holding hope when progress is slow",
        "Small changes count; name them with the family.\n"
        "Workers can hold hope for a family until the family can hold it themselves.\n"
        "Tiredness turns quickly into pessimism; the group talked about checking this in each other.",
    ),
    (
        "Using genograms on first visits",
        "A genogram drawn with the family is part of the help, not only a record.\n"
        "Ask about people who have died or left, as well as those who are present.\n"
        "Patterns across generations help families see they are not alone.",
    ),
    (
        "Whose voice is missing?",
        "Keep an empty chair for the child in case discussions.\n"
        "Grandparents, older siblings and schools often know things we never ask about.\n"
        "Agreed to ask who else we should hear from at every core group.",
    ),
    (
        "Curiosity when we feel certain",
        "Certainty is a signal to slow down and ask what else might be going on.\n"
        "Think of at least three explanations before choosing one.\n"
        "Hold explanations loosely and test them on the next visit.",
    ),
    (
        "The use of self",
        "Our own histories shape what we notice and what we miss.\n"
        "Feelings in the room are information, not only something to manage.\n"
        "The group shared what helps them leave work at work.",
    ),
    (
        "Families who do not want us there",
        "Hostility is often fear; naming the imbalance of power can ease it.\n"
        "Be clear about what cannot be negotiated and generous about everything else.\n"
        "Being consistent over months matters more than any single visit.",
    ),
    (
        "Talking to children about why they are in care",
        "Children fill silences with their own stories, often blaming themselves.\n"
        "Use words the child could repeat to a friend.\n"
        "Life-story work goes on over time; it is not a book handed over at the end.",
    ),
    (
        "Neglect and the danger of drift",
        "Chronologies show the build-up that single visits hide.\n"
        "Set review points with clear signs of change, not impressions.\n"
        "A warm relationship and honest challenge can go together.",
    ),
    (
        "Circular questions in practice",
        "Asking who worries most about something often opens a family up more than direct questions.\n"
        "Practised in threes: one asking, one answering as a family member, one watching.\n"
        "Families answer more fully when questions are about relationships, not faults.",
    ),
    (
        "Adolescents and risk outside the home",
        "Look at the places and peer groups around a young person, not only the family.\n"
        "Young people rarely see themselves as victims; start from what they value.\n"
        "Trusted adults outside the service can matter most.",
    ),
    (
        "Race, culture and identity in assessments",
        "Ask families how they describe their own culture and what matters to them.\n"
        "Notice where our own norms become the measure of good parenting.\n"
        "Brief interpreters before a visit and talk with them afterwards.",
    ),
    (
        "Secondary trauma and looking after ourselves",
        "Name the cases we carry home; peer support works best when it is planned.\n"
        "The group agreed a short check-in after difficult visits.\n"
        "Taking leave is part of doing the job well.",
    ),
    (
        "Working with domestic abuse",
        "Keep the focus on the person causing harm, not on the parent trying to protect.\n"
        "Safety plans must fit the family's everyday life.\n"
        "Avoid language that blames the victim, such as 'failure to protect'.",
    ),
    (
        "Endings with families",
        "Plan endings from the start and tell the family what to expect.\n"
        "A good ending sets out what has changed, in the family's words.\n"
        "Workers talked about how hard it is to end with families they have grown fond of.",
    ),
    (
        "Reflecting teams",
        "The group tried a reflecting team on an anonymised case.\n"
        "Offer reflections tentatively, as 'I wonder' rather than 'you should'.\n"
        "The presenting worker chose which reflections to take back to the family.",
    ),
    (
        "Parents with learning disabilities",
        "Change how we explain things, not what we expect for the child.\n"
        "Easy-read plans and repeated visits help parents show what they can do.\n"
        "Check what parenting support adult services can offer.",
    ),
    (
        "Court work and keeping the relationship",
        "Families can take in hard decisions better when they hear them from us first.\n"
        "Statements in plain, respectful language make later work easier.\n"
        "The group talked about the weight of giving evidence.",
    ),
    (
        "The child's day",
        "Ask children to walk us through an ordinary day, hour by hour.\n"
        "Gaps and silences in the account are worth coming back to gently.\n"
        "Drawings and timelines help younger children.",
    ),
    (
        "Stepping down to early help",
        "Introduce the family worker on a joint visit before closing.\n"
        "Agree with the family what would bring us back, and how they would ask.\n"
        "Stepping down works best when the family sees it as progress.",
    ),
    (
        "Care leavers and adulthood",
        "Care leavers often need most help when they seem to want it least.\n"
        "A personal adviser is a relationship, not only a checklist.\n"
        "The group talked about staying in touch after 21 where the young person wants it.",
    ),
    (
        "Grandparents and kinship carers",
        "Kinship carers often grieve for their own child while caring for the grandchildren.\n"
        "Ask about the carer's own health and who supports them.\n"
        "Money worries are common and rarely raised unless we ask.",
    ),
    (
        "Hypothesising in pairs",
        "Two workers think of explanations separately, then compare.\n"
        "Differences are useful: they show what each of us brings.\n"
        "Agreed to try this before strategy discussions.",
    ),
    (
        "Writing records families can read",
        "Write as if the family will read it, because they may.\n"
        "Say what happened and what it means for the child, without jargon.\n"
        "Adults who were in care and ask for their files show how much records matter.",
    ),
]
