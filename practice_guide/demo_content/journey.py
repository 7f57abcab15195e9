"""The demo journey for "What happens and when", one step at a time, from first contact to the plan ending.

Each step has a version for parents and carers (under the same five headings), a shorter version for
children and young people, and an easy read version in the line format of practice_guide/easy_read.py
(pictures are OpenMoji codes). `timescale` is the line shown beside the step in the step list;
`editor_note` says where a time limit comes from, or that there is none in law, for the next editor.
Families never see the note.
"""

from practice_guide import services
from practice_guide.models import GuidePart, Kind

WORKING_TOGETHER = "Working Together to Safeguard Children 2023 (statutory guidance, Department for Education)"
CARE_PLANNING = "The Care Planning, Placement and Case Review (England) Regulations 2010"

STEPS = [
    {
        "slug": "contact-and-referral",
        "title": "Contact and referral",
        "summary": "Someone tells us they are worried about a child, or a family asks us for help. We decide what happens next.",
        "timescale": "We decide what happens next within one working day of a referral.",
        "editor_note": (
            f"Statutory timescale. {WORKING_TOGETHER}: within one working day of a referral, a local authority "
            "social worker should acknowledge it to the person who made it and decide on the next steps and the "
            "type of response. Checked against published local safeguarding procedures that follow it. "
            "How quickly we phone a family after that is our local practice, not law."
        ),
        "parents": """
## What happens

A contact is when someone gets in touch with us about a child. It might be you, asking for help. It might be a school, a doctor, the police or a neighbour who is worried. When we look into a contact properly, it is called a referral.

We look at what we have been told. We may check what we already know and talk to people who work with your child. Then we decide what happens next. That might be advice, early help or an assessment by a social worker. If a child may be at risk of serious harm, it will be a strategy discussion.

## Who is there

A social worker and their manager in our front door team make the decision. We usually talk to you as well, unless that could put a child at risk.

## How long it usually takes

We decide what happens next within one working day of a referral. If a child is in danger, we act straight away.

## What you can do

- Ask us who made the referral. We will tell you if we can. Sometimes we must keep a name private.
- Tell us your side of things. We will write down what you say.
- Ask us to explain anything you do not understand.

## Your rights

You have the right to know what we are worried about and what we plan to do. The only time we would not tell you is if that could put a child at risk. You can have a free interpreter. You can make a complaint if you think we got it wrong.

Read more in [what to expect from your social worker](/guide/what-to-expect-from-your-social-worker/) and [your rights](/guide/your-rights/).
""",
        "children": """
## What happens

Sometimes a grown-up tells us they are worried about a child. It might be a teacher, a doctor or someone in your family. Sometimes a family asks us for help.

We think about what they told us. Then we decide how we can help.

## What you can do

You can tell us what you think is going on. You can talk to a grown-up you trust, like a teacher.

Read more in [your rights](/guide/your-rights/).
""",
        "easy_read": """
## What happens
[1F4DE] Someone tells us they are worried about a child.
[1F46A] Or a family asks us for help.
[1F4DD] We write down what they tell us.
[1F4C5] We decide what to do next in one working day.
## Your rights
[2753] You can ask what we are worried about.
[1F5E3] You can tell us your side of things.
[1F4AC] You can have an interpreter for free.
""",
    },
    {
        "slug": "assessment",
        "title": "Assessment",
        "summary": "A social worker gets to know your family: what is going well, what is worrying and what help you need.",
        "timescale": "No more than 45 working days from the referral. Often it is quicker.",
        "editor_note": (
            f"Statutory timescale. {WORKING_TOGETHER}: the maximum time for an assessment to conclude, so that "
            "a decision on next steps can be made, is 45 working days from the point of referral. If it takes "
            "longer, the social worker should record why. Checked against published local procedures."
        ),
        "parents": """
## What happens

An assessment is how we get to know your family. A social worker visits you, usually at home. They talk with you and with your children, together and on their own. They may also talk to your child's school, nursery or doctor, usually with your agreement.

We look at what is going well, what worries us and what help you need. We ask what you think needs to happen. At the end, we write down what we found and share it with you.

## Who is there

Your social worker leads the assessment. You, your children and the people who know your family well take part. You can ask family or friends who support you to be there too.

## How long it usually takes

No more than 45 working days from the referral. Often it is quicker. If we need longer, we will tell you why.

## What you can do

- Tell us what is going well, not just what is hard.
- Tell us who in your family and friends can help.
- Ask for visits at a time that works for you and your children.
- Read the assessment and tell us if anything is wrong.

## Your rights

For most assessments, we need your agreement. If you do not want one, tell us and we will explain what may happen next. You have the right to see what we write, to have it explained, and to have your views added if you disagree.

Read more in [how we work with you](/guide/how-we-work-with-you/), [Signs of Safety](/guide/signs-of-safety/) and [your rights](/guide/your-rights/).
""",
        "children": """
## What happens

A social worker comes to get to know you and your family. They will ask what is good in your life and what is hard. They want to know what you think and how you feel.

You can talk to them on your own if you want to. You can also draw or write things down.

## What happens next

The social worker writes down what they found out. They will tell you what they think should happen next.

Read more in [how we work with you](/guide/how-we-work-with-you/).
""",
        "easy_read": """
## What happens
[1F3E0] A social worker will visit you at home.
[1F46A] They will get to know your family.
[1F5E3] They will talk with you and your children.
[1F50D] They look at what is good and what is hard.
[1F4C5] It takes no more than 45 working days.
## Your rights
[1F4DD] We will show you what we write.
[2753] You can ask questions at any time.
[1F44D] You can say if something is wrong.
""",
    },
    {
        "slug": "early-help",
        "title": "Early help",
        "summary": "Another route: support for your family without a social worker, often before or instead of the other steps.",
        "timescale": "There is no time limit in law. Your plan says how often you will check it together.",
        "editor_note": (
            "No statutory timescale. Early help is voluntary and is not a statutory social work step; how often an "
            "early help plan is reviewed is our local practice, not law. Shown with 'or' in the step list "
            "(practice_guide/journey.py ALTERNATIVE_STEPS): after a referral it is offered instead of a social "
            "work assessment, and many families get it before any referral."
        ),
        "parents": """
## What happens

Early help is support for your family when things are hard but your children are not at risk of serious harm. It is a different route from the other steps on this page. Many families get early help instead of an assessment by a social worker. Some get it before anyone contacts us.

A worker from a family hub, a school or a children's centre works with you. Together you agree a plan. It might cover routines, money worries, children's behaviour or getting to school.

## Who is there

You, your children and one lead worker. Other people who help your family, like a teacher or health visitor, may join meetings about the plan.

## How long it usually takes

There is no time limit in law. Your plan says how often you will check it together. It ends when things are better, or when you decide you no longer want it.

## What you can do

- Ask for early help yourself. You do not need someone else to refer you.
- Say what help would make a difference.
- Say no. Early help is your choice.

## Your rights

Early help only happens with your agreement. You can stop at any time. If we become worried that a child is at risk of serious harm, we will tell you, and a social worker may become involved.

Read more in [what relationship-based practice means](/guide/what-relationship-based-practice-means/) and [getting help and advocacy](/guide/getting-help-and-advocacy/).
""",
        "children": """
## What happens

Early help is when a worker helps your family with things that are hard at the moment. They are not a social worker. They might help with school, feelings or how things are at home.

## Having your say

You can tell the worker what would help you. Your family chooses whether to have early help.

Read more in [getting help and advocacy](/guide/getting-help-and-advocacy/).
""",
        "easy_read": """
## What happens
[1F91D] Early help is support for your family.
[1F9D1] A worker helps you.
[1F3EB] The worker may be from a school or a family hub.
[1F4DD] You make a plan together.
[1F4C5] You check the plan together.
## Your rights
[1F44D] Early help is your choice.
[270B] You can stop at any time.
""",
    },
    {
        "slug": "child-in-need-plan",
        "title": "Child in need plan",
        "summary": "If your child needs extra help, we agree a plan with you that says who will do what, and by when.",
        "timescale": "There is no time limit in law. We meet regularly to check the plan with you.",
        "editor_note": (
            "No statutory timescale for child in need plans or how often they are reviewed. Working Together to "
            "Safeguard Children 2023 expects plans to be reviewed regularly; the gap between child in need meetings "
            "is our local practice, not law. Do not add a number unless it is our published local standard."
        ),
        "parents": """
## What happens

After an assessment, we may agree that your child needs extra help. The law calls this a child in need. It also includes disabled children. We write a child in need plan with you. It says what needs to change, who will help, and by when.

We meet to check how the plan is going. These are called child in need meetings.

## Who is there

You, your child if they want to come, your social worker and the people helping your family, such as a teacher or health visitor. You can bring someone to support you.

## How long it usually takes

There is no time limit in law. We meet regularly to check the plan with you. The plan ends when the help is no longer needed.

## What you can do

- Help write the plan. It should use your words as well as ours.
- Say if a part of the plan is not working.
- Ask for meetings at a time and place that suit you.

## Your rights

A child in need plan is voluntary. It only works with your agreement. You can ask for a copy of the plan and the notes of each meeting. You can disagree, and we will write down your view.

Read more in [meetings and plans](/guide/meetings-and-plans/) and [your rights](/guide/your-rights/).
""",
        "children": """
## What happens

A child in need plan is a plan to give you and your family some extra help. It says who will help and how.

Grown-ups meet to check the plan is working. You can come to the meeting, or tell someone what you want to say.

Read more in [meetings and plans](/guide/meetings-and-plans/).
""",
        "easy_read": """
## What happens
[1F4DD] We write a plan with you.
[1F91D] The plan says who will help and how.
[1F465] We meet to check the plan is working.
## Your rights
[1F44D] The plan only happens if you agree.
[1F4C4] You can have a copy of the plan.
[1F5E3] You can say if something is not working.
""",
    },
    {
        "slug": "strategy-discussion-and-section-47-enquiry",
        "title": "Strategy discussion and child protection enquiry",
        "summary": "If we think a child may be at risk of serious harm, we talk with the police and health and may look into it closely.",
        "timescale": "The strategy discussion happens quickly. There is no fixed time limit in law for the enquiry itself.",
        "editor_note": (
            f"No statutory time limit for a section 47 enquiry. {WORKING_TOGETHER} says a strategy discussion "
            "should be held whenever there is reasonable cause to suspect a child is suffering, or likely to "
            "suffer, significant harm, and that it can happen at any point; it sets no number of days for the "
            "enquiry. The enquiry's findings feed the assessment, which has its own 45 working day limit. How "
            "quickly we hold the discussion is our local practice, not law."
        ),
        "parents": """
## What happens

If we think a child may be at risk of serious harm, we hold a strategy discussion. This is a meeting or phone call between us, the police and health workers. We share what we know and decide what to do.

We may start a child protection enquiry. The law calls this a Section 47 enquiry. It means we look closely at whether your child is safe. We will usually talk with you and with your child, and with people who know your family.

At the end, we decide whether to call a child protection conference, offer other help, or do nothing more.

## Who is there

A social worker and their manager, a police officer and a health worker. Sometimes someone from your child's school. You will not usually be at the strategy discussion, but we will tell you what it decided unless that would put a child at risk.

## How long it usually takes

The strategy discussion happens quickly, often the same day we become worried. There is no fixed time limit in law for the enquiry. We aim to finish it as soon as we safely can, and we will keep you told.

## What you can do

- Tell us your side of things. We will listen and write it down.
- Get advice. You can talk to a solicitor or to Family Rights Group.
- Ask someone you trust to be with you when we visit.

## Your rights

We must tell you what we are worried about, unless that could put a child at risk. You have the right to legal advice. You can have a free interpreter. You can complain about how we carried out the enquiry.

Read more in [meetings and plans](/guide/meetings-and-plans/), [your rights](/guide/your-rights/) and [getting help and advocacy](/guide/getting-help-and-advocacy/).
""",
        "children": """
## What happens

Sometimes we are worried that a child might get hurt. Then some grown-ups talk about how to keep the child safe. They might be a social worker, a police officer and a nurse.

A social worker may come to talk with you. They want to know how things are for you. You will not be in trouble.

## Having your say

You can tell the social worker what you think and how you feel. You can ask them anything.

Read more in [your rights](/guide/your-rights/).
""",
        "easy_read": """
## What happens
[1F6E1] We think a child might not be safe.
[1F46E] We talk with the police and health workers.
[1F50D] We look closely at what is happening.
[1F3E0] A social worker will visit you.
## Your rights
[2753] We will tell you what we are worried about.
[1F5E3] You can tell us your side of things.
[1F4DE] You can get advice from a solicitor.
""",
    },
    {
        "slug": "initial-child-protection-conference",
        "title": "Initial child protection conference",
        "summary": "A meeting with you and the people who know your child, to decide if your child needs a child protection plan.",
        "timescale": "Within 15 working days of the strategy discussion that started the enquiry.",
        "editor_note": (
            f"Statutory timescale. {WORKING_TOGETHER}: the initial child protection conference should take place "
            "within 15 working days of the strategy discussion, or, if more than one was held, of the strategy "
            "discussion at which the section 47 enquiry was started. Checked against Family Rights Group's "
            "guidance for parents and published local safeguarding procedures."
        ),
        "parents": """
## What happens

If we are still worried after the enquiry, we invite you to an initial child protection conference. Everyone shares what they know about your child: what is going well and what is worrying. The conference decides whether your child needs a child protection plan. If so, it agrees an outline plan and who will be in the core group.

## Who is there

An independent chair runs the meeting. They are not your social worker. You and your social worker will be there. So will people who work with your child, such as a teacher, health visitor, doctor or police officer. Your child can come if they are old enough and want to. You can bring a friend, relative, advocate or solicitor to support you.

## How long it usually takes

The conference is held within 15 working days of the strategy discussion that started the enquiry.

## What you can do

- Meet the chair before the conference, and ask them how it will work.
- Read the reports before the meeting. We will share them with you.
- Say what you think. You can also write it down and ask the chair to read it out.

## Your rights

You have the right to be invited, to bring someone with you, to see the reports and to have your views heard and written down. If you disagree with the decision, you can challenge it. Ask the chair how.

Read more in [meetings and plans](/guide/meetings-and-plans/), [Signs of Safety](/guide/signs-of-safety/) and [feedback and complaints](/guide/feedback-and-complaints/).
""",
        "children": """
## What happens

A child protection conference is a big meeting about how to keep you safe. People who know you come, like your parents, your social worker and your teacher.

A person called the chair runs the meeting. They make sure everyone gets a say.

## Having your say

You can come to the meeting, or to part of it. You can write or draw what you want to say. An advocate can speak for you.

Read more in [getting help and advocacy](/guide/getting-help-and-advocacy/).
""",
        "easy_read": """
## What happens
[1F465] We have a big meeting about your child.
[1F9D1] A chair runs the meeting.
[1F5E3] Everyone says what is good and what is worrying.
[1F4DD] The meeting decides if your child needs a plan.
[1F4C5] It happens within 15 working days.
## Your rights
[1F4C4] You will see the reports before the meeting.
[1F91D] You can bring someone with you.
[1F5E3] You can say what you think.
""",
    },
    {
        "slug": "core-group",
        "title": "Core group",
        "summary": "A small group, including you, that meets often to make the child protection plan work.",
        "timescale": "The first meeting is within 10 working days of the initial conference. Then it meets regularly.",
        "editor_note": (
            f"Statutory timescale. {WORKING_TOGETHER}: the core group should meet within 10 working days of the "
            "initial child protection conference if the child is the subject of a child protection plan. Checked "
            "against published local safeguarding procedures. How often it meets after that is our local "
            "practice, not law."
        ),
        "parents": """
## What happens

If your child has a child protection plan, a core group makes it work. At the first meeting, you turn the outline plan from the conference into a detailed plan. It says what needs to change, who will do what, and by when. After that, the core group meets regularly to check how things are going.

## Who is there

You, your social worker, and the people who work most closely with your child, such as a teacher or health visitor. Your child can take part too.

## How long it usually takes

The first meeting is within 10 working days of the initial conference. Then the core group meets regularly while the plan lasts.

## What you can do

- Help write the plan, so that it is clear and realistic for your family.
- Say what is working and what is not.
- Ask for help you think is missing.

## Your rights

You are a member of the core group. You have the right to a copy of the plan and the notes of each meeting. You can ask for a meeting sooner if things change.

Read more in [meetings and plans](/guide/meetings-and-plans/) and [how we work with you](/guide/how-we-work-with-you/).
""",
        "children": """
## What happens

The core group is a small group of people who help make your plan work. Your parents or carers are in it, and so is your social worker.

They meet often to check how things are going.

## Having your say

You can tell your social worker what you want the core group to know. They will pass it on.

Read more in [meetings and plans](/guide/meetings-and-plans/).
""",
        "easy_read": """
## What happens
[1F465] A small group meets to help with the plan.
[1F46A] You are part of the group.
[1F4C5] The first meeting is within 10 working days.
[1F4DD] The group checks the plan is working.
## Your rights
[1F4C4] You can have a copy of the plan.
[1F5E3] You can say what is working and what is not.
""",
    },
    {
        "slug": "review-conferences",
        "title": "Review conferences",
        "summary": "Meetings to check the child protection plan and decide whether your child still needs it.",
        "timescale": "The first is within 3 months of the initial conference. Then at least every 6 months.",
        "editor_note": (
            f"Statutory timescale. {WORKING_TOGETHER}: the first child protection review conference should be held "
            "within three months of the initial conference, and further reviews at intervals of not more than six "
            "months while the child has a plan. Checked against published local safeguarding procedures."
        ),
        "parents": """
## What happens

A review conference checks how the child protection plan is going. It looks at what has changed for your child, what is still worrying and what has helped. It decides whether your child still needs a child protection plan, and what the plan should say.

## Who is there

The same independent chair as before, if possible. You, your child if they want to come, your social worker, the core group and other people who work with your child. You can bring someone to support you.

## How long it usually takes

The first review is within 3 months of the initial conference. After that, there is a review at least every 6 months for as long as your child has a plan.

## What you can do

- Tell the conference what has changed and what has helped.
- Read the reports before the meeting and say if anything is wrong.
- Ask the chair what needs to happen for the plan to end.

## Your rights

You have the same rights as at the initial conference. We will invite you and you can bring someone. You will see the reports, and we will write down your views.

Read more in [meetings and plans](/guide/meetings-and-plans/) and [your rights](/guide/your-rights/).
""",
        "children": """
## What happens

A review is a meeting to check how your plan is going. People talk about what is better and what still needs to change.

## Having your say

You can come to the review, or send your views. You can ask the chair questions.

Read more in [meetings and plans](/guide/meetings-and-plans/).
""",
        "easy_read": """
## What happens
[1F465] We meet to check the plan.
[1F4C5] The first check is within 3 months.
[1F504] Then we check at least every 6 months.
[2705] We decide if your child still needs the plan.
## Your rights
[1F5E3] You can say what has changed.
[1F91D] You can bring someone with you.
""",
    },
    {
        "slug": "children-in-care-and-their-reviews",
        "title": "Children in care and their reviews",
        "summary": "If your child lives away from home in our care, they have a care plan that is checked at regular reviews.",
        "timescale": "First review within 20 working days, the second within 3 months of it, then at least every 6 months.",
        "editor_note": (
            f"Statutory timescale. {CARE_PLANNING}, regulation 33: the first review within 20 working days of the "
            "date the child becomes looked after; the second not more than three months after the first; then "
            "at intervals of not more than six months (with earlier reviews in some cases, for example if the "
            "Independent Reviewing Officer asks). Checked against the regulations on legislation.gov.uk."
        ),
        "parents": """
## What happens

Sometimes a child cannot live safely at home for a while. They may live with relatives, with foster carers or in a children's home. This is called being looked after, or in care. It can happen with your agreement, or because a court has decided.

Your child will have a care plan. It says where they will live, how their needs will be met and how they will keep in touch with you. An Independent Reviewing Officer checks the plan at meetings called reviews.

## Who is there

The Independent Reviewing Officer (IRO) runs the review. They are not your child's social worker. You, your child, your child's social worker and carers, and other people who help your child, such as a teacher.

## How long it usually takes

The first review is within 20 working days of your child coming into care. The second is within 3 months of the first. After that, there is a review at least every 6 months.

## What you can do

- Tell the IRO what you think about the plan and your child's care.
- Ask about time with your child and how you keep in touch.
- Ask what needs to happen for your child to come home, if that is the plan.

## Your rights

You have the right to be told about the plan and to have your views heard at reviews. Your child has the right to an advocate. If your child is in care with your agreement, talk to us at any time about them coming home. If there are court proceedings, get advice from a solicitor. Legal aid is usually free for parents in care proceedings.

Read more in [meetings and plans](/guide/meetings-and-plans/) and [getting help and advocacy](/guide/getting-help-and-advocacy/).
""",
        "children": """
## What happens

Sometimes children cannot live at home for a while. They might live with family, with foster carers or in a children's home. This is called being in care.

You will have a care plan. A person called an IRO checks your plan is right for you. IRO is short for Independent Reviewing Officer.

## Having your say

The IRO holds meetings called reviews. You can go, or tell the IRO what you think before the meeting. You have the right to an advocate, who can help you speak up.

Read more in [getting help and advocacy](/guide/getting-help-and-advocacy/).
""",
        "easy_read": """
## What happens
[1F3E1] Some children live away from home for a while.
[1F4DD] They have a care plan.
[1F9D1] An IRO checks the plan is right.
[1F4C5] The first check is within 20 working days.
[1F504] Then within 3 months, then at least every 6 months.
## Your rights
[1F5E3] You can say what you think about the plan.
[1F91D] Your child can have an advocate.
""",
    },
    {
        "slug": "the-plan-ending",
        "title": "The plan ending",
        "summary": "When things are safer and better, the plan ends. We talk with you about what support carries on.",
        "timescale": "There is no set time. A plan ends when the people reviewing it agree it is no longer needed.",
        "editor_note": (
            "No statutory timescale for a plan to end. A child protection plan can only be ended by a review "
            f"conference ({WORKING_TOGETHER}); child in need and early help plans end when they are no longer "
            "needed, which is our local practice, not law. Stepping down to other support is local practice."
        ),
        "parents": """
## What happens

A plan ends when the worries that started it have gone, or when help is no longer needed. For a child protection plan, a review conference makes this decision. Often the help steps down. A child protection plan may become a child in need plan. A child in need plan may become early help.

We talk with you about what support carries on, who you can call, and what to do if things get hard again.

## Who is there

For a child protection plan, the people at the review conference. For other plans, you, your social worker or lead worker, and the people who have been helping.

## How long it usually takes

There is no set time. A plan ends when the people reviewing it agree it is no longer needed.

## What you can do

- Ask what needs to happen for the plan to end.
- Make a safety plan with your family and friends for after we have gone.
- Tell us how we did. Your feedback helps other families.

## Your rights

You have the right to know why a plan is ending and what happens next. You can ask for help again at any time. You can ask for a copy of your records.

Read more in [Signs of Safety](/guide/signs-of-safety/), [feedback and complaints](/guide/feedback-and-complaints/) and [your rights](/guide/your-rights/).
""",
        "children": """
## What happens

When things are better and safer, your plan ends. Your social worker will talk with you about it. They will tell you who you can talk to if you need help again.

## Having your say

You can tell us how it went. What you say helps other children.

Read more in [feedback and complaints](/guide/feedback-and-complaints/).
""",
        "easy_read": """
## What happens
[2705] Things are better and safer.
[1F389] The plan ends.
[1F4DE] We tell you who to call if you need help again.
## Your rights
[2753] You can ask why the plan is ending.
[1F44B] You can ask for help again at any time.
[1F4AC] You can tell us how we did.
""",
    },
]


def load(editor) -> int:
    """Publish any demo journey step not there yet, in order. Returns how many were added."""
    added = 0
    for entry in STEPS:
        if GuidePart.objects.filter(slug=entry["slug"]).exists():
            continue
        text = services.PartText(
            entry["title"],
            entry["summary"],
            entry["parents"].strip(),
            entry["children"].strip(),
            body_easy_read=entry["easy_read"].strip(),
            timescale=entry["timescale"],
            editor_note=entry["editor_note"],
        )
        step = services.create_part(slug=entry["slug"], text=text, by=editor, kind=Kind.STEP)
        services.publish(step, by=editor)
        added += 1
    return added
