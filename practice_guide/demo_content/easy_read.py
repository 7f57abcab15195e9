"""Easy read versions of five demo parts, in the line format of practice_guide/easy_read.py.

Written for parents and carers with a learning disability, and for anyone who finds reading hard: one short
sentence on each line, a picture beside each, everyday words. The facts are the ones in the parts themselves.
"""

from dataclasses import replace

from practice_guide import services
from practice_guide.models import GuidePart

EASY_READ = {
    "what-to-expect-from-your-social-worker": """
## Your social worker

[1F9D1-200D-1F4BC] Your social worker works with your family.
[1F9D2] Their job is to help keep children safe and well.
[1F91D] They help families too.
[1F4DC] Social workers are trained for this job.
[1F46A] We try to keep the same social worker with your family.

## What your social worker will do

[1F3E0] They will visit you at home.
[1F9D2] They will see your children.
[1F5E3] Sometimes they will talk with your children on their own.
[1F442] They will listen to what you think.
[1F4DD] They will write down what you think.
[2705] They will be honest with you.
[1F61F] They will tell you if they are worried, and why.
[23F0] They will come when they say they will.
[1F4DE] If they cannot come, they will tell you.

## What we ask of you

[1F4AC] Please be honest with us.
[1F3E0] Tell us if things change at home.
[1F4C5] Tell us if you cannot come to a meeting.
[2753] Tell us if you do not understand something.

## If it is not working

[1F44E] Tell us if things are not going well.
[1F5E3] Talk to your social worker first.
[1F9D1] You can ask to talk to their manager.
[1F4E8] You can make a complaint.
[1F44D] A complaint will not change the help you get.
""",
    "meetings-and-plans": """
## Meetings

[1F465] Sometimes we have meetings about your family.
[1F5E3] At a meeting, people talk about what is going well.
[1F61F] They talk about any worries.
[1F4CB] Then they make a plan.
[1F91D] A plan says who will help, and how.

## Getting to know your family

[1F50D] First we get to know your family.
[1F5E3] We talk with you and your children.
[1F4C5] This should take no more than 45 working days.
[1F4C4] We will tell you what we find.

## When we are worried about safety

[1F6E1] Sometimes we worry that a child is not safe.
[1F465] Then we may ask you to a big meeting.
[1F9D1-200D-1F3EB] People who know your child will come.
[1F46B] You can bring someone with you.
[1F4AC] You can say what you think.
[1F4C4] We will give you the reports before the meeting.

## Getting ready for a meeting

[2753] Ask your social worker what the meeting is for.
[1F4D6] Read the reports first.
[1F91D] We can read them with you.
[1F4DD] Write down what you want to say.
[1F5E8] You can ask for someone to help with language.
[1F193] This help is free.
[1F64B] If you do not understand, stop us and ask.
""",
    "your-rights": """
## Your rights

[2696] You have rights when we work with your family.
[1F91D] We will treat you fairly and with respect.
[1F4AC] We will explain things in a way you understand.
[1F5E8] You can have someone to help with language, for free.
[1F46B] You can bring someone you trust to meetings.
[1F44E] You can tell us if you do not agree.
[1F4E8] You can make a complaint.

## What we write

[1F4DD] We write down what we do with your family.
[1F4C4] You can ask to see what we write about you.
[1F4C5] We should answer within one month.
[274C] Tell us if something we wrote is wrong.
[2705] We will put it right, or add what you think.

## Keeping things private

[1F512] We keep what you tell us private as far as we can.
[1F6E1] But we must tell people if someone is not safe.
[1F5E3] We will try to talk to you first.

## Your child's rights

[1F9D2] Children have rights too.
[1F442] They have the right to be listened to.
[1F64B] They have the right to have a say.
""",
    "getting-help-and-advocacy": """
## Someone on your side

[1F91D] You do not have to deal with us on your own.
[1F9D1] An advocate helps you say what you want.
[1F442] An advocate makes sure we hear you.
[1F465] An advocate can come to meetings with you.

## Help for children

[1F9D2] Children in care can have an advocate.
[1F4DE] Children can phone Help at Hand for free on 0800 528 0731.

## Help with reading and language

[1F4D6] Tell us if reading is hard for you.
[1F5E3] We can read letters and reports with you.
[23F0] We can give you more time.
[1F5E8] We can get you someone to help with language.
[1F193] This help is free.

## Urgent help

[1F6A8] If someone is in danger right now, call 999.
[260E] Children can call Childline for free on 0800 1111.
""",
    "feedback-and-complaints": """
## Tell us what you think

[1F4AC] We want to know what you think about our work.
[1F44D] Tell us what is good.
[1F44E] Tell us what is not good.
[1F4C8] This helps us do better.

## Making a complaint

[1F4E8] A complaint is when you tell us you are not happy.
[1F9D2] Children can make a complaint too.
[1F44D] A complaint will not change the help you get.
[1F50D] We will look at your complaint.
[1F4C4] We will tell you what we find.

## Saying thank you

[1F64F] You can tell us when someone has been kind.
[1F60A] We love to hear it.
""",
}


def load(editor, demo_parts) -> int:
    """Give each demo part its easy read version, if it has none and nobody has changed the demo's words.

    `demo_parts` are the demo's own entries (slug, title, parents), to tell an untouched part from one an
    editor has rewritten. Returns how many parts were given one; running it again gives none.
    """
    originals = {entry["slug"]: entry for entry in demo_parts}
    given = 0
    parts = GuidePart.objects.filter(slug__in=EASY_READ).select_related("draft", "published")
    for part in parts:
        current, original = part.published, originals.get(part.slug)
        if current is None or original is None or current.body_easy_read.strip():
            continue
        untouched = part.draft_id == part.published_id and (current.title, current.body_parents.strip()) == (
            original["title"],
            original["parents"].strip(),
        )
        if not untouched:
            continue
        text = replace(services.PartText.of(current), body_easy_read=EASY_READ[part.slug].strip())
        services.save_draft(part, expected_version=part.edit_version, text=text, by=editor)
        services.publish(part, by=editor)
        given += 1
    return given
