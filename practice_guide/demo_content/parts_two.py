"""Guide content, parts 5 to 10, for the relationship-based practice guide.

Each part has a version for parents and carers and a shorter, simpler
version for children and young people. Text is plain English, British
spelling, and uses only the markdown subset the site supports.
"""

PARTS = [
    {
        "slug": "meetings-and-plans",
        "title": "Meetings and plans",
        "summary": "The meetings and plans your family may have with us, who comes to them, and how you can get ready.",
        "parents": """This part explains the main meetings and plans you may have with us. You will not have all of them. Your social worker will tell you which ones are for you.

Whatever happens, we will explain what we write about you. You can ask us to go through any report with you.

## Getting to know your family

Most of our work starts with an assessment. This means we get to know your family. We talk with you and with your children. We may also talk to your child's school or doctor, usually with your agreement.

We look at what is going well and what worries us. We also ask what you think needs to happen. National guidance says an assessment should take no more than 45 working days. We will share what we find with you.

## Help to make things better

Your child may need extra help. If so, we may agree a child in need plan with you. This plan says who will do what, and by when. You, your child and others who help will meet to check how it is going. These are called child in need meetings. You choose whether to take part.

## When we are worried about safety

Sometimes we are worried that a child may be harmed. Then we hold a strategy meeting. This is a talk between us, the police and health workers. You may not be at this meeting.

We may then start a Section 47 enquiry. This means we look closely at whether your child is safe. We will usually talk with you and your child. We know this can feel frightening. We will be honest about what worries us and why.

If we are still worried, we will invite you to a child protection conference. It is run by a chair who is not your social worker. People who know your child come, such as teachers, nurses and the police.

- You can bring someone to support you.
- You can say what you think.
- We will share the written reports with you before the meeting.

The conference may decide your child needs a child protection plan. This says what must change to keep your child safe. A small team called the core group meets often to make the plan work. You are part of the core group.

In many meetings, we use [Signs of Safety](/guide/signs-of-safety/). We ask what is working well, what worries us and what needs to happen.

## If your child is looked after

Looked after means your child is in our care. They may live with foster carers or with relatives. Your child will have a care plan. An Independent Reviewing Officer (IRO) checks that the plan is right for your child. They do this at meetings called reviews. The IRO is not your child's social worker. They will ask what you and your child think.

## How to get ready for a meeting

- Ask your social worker what the meeting is for and who will come.
- Read any reports first. We can go through them with you.
- Write down what you want to say.
- Ask for an interpreter if you need one. It is free.
- Bring someone you trust.

> If you do not understand something, stop us and ask. We will explain it again in a different way.
""",
        "children": """Sometimes grown-ups meet to talk about how to help you and your family. This page tells you about these meetings.

## Why we have meetings

At a meeting, people talk about what is going well. They talk about any worries. Then they make a plan. A plan says who will help, and how.

Sometimes we meet because we are worried you might not be safe. Our job is to help keep you safe. We will tell you the truth about what is going on.

## Who comes

Your mum, dad or carers will usually be there. So will your social worker. Other people who know you might come, like a teacher or a nurse.

## Having your say

What you think really matters. You can:

- come to the meeting, or to part of it
- write or draw what you want to say
- ask someone to speak for you
- talk to the person who runs the meeting before it starts

## If you are in care

You will have a care plan. A person called an IRO checks that your plan is right for you. IRO is short for Independent Reviewing Officer. They hold meetings called reviews. They will always want to know how you feel.

> If you do not understand something, just ask. We will explain what we write about you.
""",
    },
    {
        "slug": "your-rights",
        "title": "Your rights",
        "summary": "What you can expect from us, what you can ask for, and the rights children and young people have when we work with them.",
        "parents": """You have rights when we work with your family. We want you to know what they are. We will always try to respect them. If you feel we have not, please tell us.

## Your rights as a parent or carer

You have the right to:

- be treated with respect and fairness
- have things explained in a way you understand
- have a free interpreter, including a sign language interpreter
- have someone with you at meetings, such as a friend or relative
- disagree with us and have your views written down
- make a complaint

## Seeing what we write

We keep records about our work with you. You can ask for a copy of the records we keep about you. This is called a subject access request. It is usually free. We should normally reply within one month.

Sometimes we cannot share every part. This may be because it is about someone else. Or it may be because sharing it could put someone at risk. Where we can, we will explain why.

You may think something we wrote is wrong. If so, tell us. We will correct any facts that are wrong. If we do not agree, we will add your view to your record.

## When you disagree with us

It is fine to disagree with us. Tell your social worker. We will listen and write down what you think. Your view will be shared at meetings about your child.

If we still cannot agree, you can talk to a manager. You can also make a complaint. Read more in [feedback and complaints](/guide/feedback-and-complaints/).

## Your child's rights

Children and young people have rights too. They have the right to:

- be listened to and taken seriously
- have a say in decisions about their life
- have an advocate if they are in care or leaving care
- privacy

An advocate is someone who helps a child speak up. Read more in [getting help and advocacy](/guide/getting-help-and-advocacy/).

## Keeping things private

We keep what you and your child tell us private as far as we can. But we cannot keep a secret if someone is not safe. Then we may need to share it with people who can help. This might be the police, a doctor or a school.

We will be honest about this. We will try to tell you first. If that could put someone at risk, we may tell you later. We will always explain who we told and why.
""",
        "children": """You have rights. Rights are things that you should always have. Here are some of your rights when a social worker works with you.

## You have the right to

- be treated kindly and with respect
- be listened to
- have a say in what happens to you
- have things explained so you understand
- complain if you are not happy
- have an advocate if you are in care

An advocate is a person who helps you speak up. They help make sure grown-ups hear what you think.

## Keeping things private

We keep what you tell us private. But we must be honest with you about one thing. If you or someone else is not safe, we may need to tell other people. This is so they can help. We will try to talk to you first. We will tell you who we told and why.

## Seeing what we write

We write down what we do to help you. You can ask to see what we have written about you. Ask your social worker, and they will help you.

> If you think we are not keeping to your rights, tell us. You will not get in trouble.
""",
    },
    {
        "slug": "getting-help-and-advocacy",
        "title": "Getting help and advocacy",
        "summary": "Who can help you speak up, where to get free advice, help with language and reading, and what to do in an emergency.",
        "parents": """You do not have to deal with us on your own. Other people and services can help you. This page tells you about some of them.

## What an advocate is

An advocate is someone who helps you say what you want. They make sure you are heard. They are on your side. They do not make decisions about your family. They can help you understand what is going on. They can also come to meetings with you.

## Advocacy for children and young people

Children in care have a right to an advocate. So do young people leaving care. Your child's social worker or IRO can arrange one. Other children can ask for an advocate too.

The Children's Commissioner for England runs a service called Help at Hand. It gives free advice to children in care and care leavers. It also helps children who have a social worker. Children can phone free on 0800 528 0731. Adults can call on a child's behalf. You can also visit the [Help at Hand website](https://www.childrenscommissioner.gov.uk/help-at-hand/).

## Advice for parents and family

Family Rights Group is a charity. It gives free advice to parents and other family members. It helps families whose children have a social worker. It is not part of our service. Visit the [Family Rights Group website](https://frg.org.uk).

## Help with language, reading and disability

We will get you an interpreter. This is free. It includes British Sign Language. Tell us which language you would like. You should never have to use your child as an interpreter.

Tell us if you have a disability or find reading hard. We can change how we work to help you. For example, we can:

- read letters and reports with you
- explain things out loud
- meet you somewhere easy to get to
- give you more time, or plan breaks in meetings

You do not have to explain why. Just tell us what would help.

## Urgent help

- If someone is in danger right now, call 999.
- Children can call Childline free on 0800 1111. It is open day and night.
- If you need us outside office hours, use the phone numbers at the top of this page.
""",
        "children": """Sometimes it helps to have someone on your side. This page tells you who can help you.

## Advocates

An advocate is someone who helps you say what you think. They listen to you. They make sure grown-ups hear you. They are on your side.

If you are in care, you have the right to an advocate. Just ask your social worker or your IRO. Other children can ask for one too.

## Help at Hand

Help at Hand is a free helpline. It is for children in care and children who have a social worker. It is run by the Children's Commissioner. Their job is to stand up for children in England. You can phone them free on 0800 528 0731.

## If you need help now

- If you are in danger, call 999.
- You can call Childline on 0800 1111. It is free. You can call any time, day or night. You can talk about anything.
- You can also talk to a grown-up you trust, like a teacher.

> You never have to sort out a problem on your own. Asking for help is a brave thing to do.
""",
    },
    {
        "slug": "feedback-and-complaints",
        "title": "Feedback and complaints",
        "summary": "How to tell us what is working and what is not, how to make a complaint, and what happens next.",
        "parents": """We want to hear from you. Tell us what is going well. Tell us what is not. What you say helps us get better.

## Talk to us

You can phone us or write to us. You can also use the email address at the bottom of each page.

If you are unhappy, try talking to your social worker first. Lots of problems can be sorted out this way. If that does not work, ask to speak to their manager. You can go to the manager straight away if you prefer.

You can ask us to work with you in a different way. For example, you may want meetings at another time. You may want us to explain things another way. You can also ask for a new social worker. We will think about it carefully and explain our decision.

## Making a complaint

If things are still not right, you can make a complaint. You can phone, write or email us. There are three stages.

1. Stage 1: we try to sort out your complaint quickly. You should usually get a reply within 10 working days. For harder complaints, it can take up to 20 working days.
2. Stage 2: if you are still unhappy, an investigator looks into it in detail. An independent person also takes part to make sure it is fair. This usually takes 25 working days. It can take up to 65 working days.
3. Stage 3: if you are still unhappy, you can ask for a review panel. This is a small group of independent people. They look at your complaint again.

After that, you can go to the Local Government and Social Care Ombudsman. The Ombudsman is free and independent. Visit the [Ombudsman's website](https://www.lgo.org.uk).

Children and young people can complain too. They can have an advocate to help them.

> Making a complaint will not change the help you or your child get from us.

## Saying thank you

Has someone helped you? Please tell us. We like to hear what has gone well. We will pass your thanks on.

## Feedback about this guide

At the bottom of each page is a form called "Is this page useful?". Use it to tell us what you think of this guide. Please do not put any personal details in it. It is not for urgent worries. If you are worried about a child now, use the phone numbers at the top of this page. In an emergency, call 999.
""",
        "children": """We want to know what you think. Tell us what is good. Tell us what is not good. This helps us do better.

## Telling us what you think

You can tell your social worker. Or you can tell another grown-up you trust, and they can tell us. You can ask us to do things in a different way. For example, you could ask to meet somewhere else.

## Making a complaint

A complaint is when you tell us properly that you are not happy. Children and young people can complain too. An advocate can help you do it.

It is not rude to complain. You will not get in trouble. It will not change the help you get.

We will look at your complaint. We will tell you what we find out. If you are still not happy, other people can look at it again.

## Saying thank you

Has someone been kind or helpful? You can tell us that too. We love to hear it.

> The "Is this page useful?" box at the bottom of this page is about this guide. Please do not write your name or your worries there. If you need help now, call Childline on 0800 1111.
""",
    },
    {
        "slug": "staying-safe-online",
        "title": "Staying safe online",
        "summary": "How to read this guide without others knowing, how to leave it fast, and what this website keeps.",
        "parents": """You may not want someone in your home to know you are reading this guide. This page explains how to keep your reading private. It also tells you what this website keeps about you.

> If you are in danger now, call 999. If you cannot speak, stay on the line. On a mobile phone, press 55 when you hear the message, and the police will know the call is real.

## Leave this website quickly

There is a red "Exit this page" button at the top of every page of this guide. Select it to go straight to the BBC weather page.

On a computer with a keyboard, you can also press the Shift key three times. The page disappears and the weather page opens.

The button does not delete anything. Someone could still find this guide in your browser's history. Read on to find out how to clear it.

## Use private browsing

Most web browsers have a private mode. Your phone or computer does not keep a list of the pages you visit in private mode. It is called:

- "Incognito" in Google Chrome
- "Private browsing" in Safari and Firefox
- "InPrivate" in Microsoft Edge

Private mode only hides your reading from people who use the same phone or computer. Close every private window or tab when you finish.

## Clear your browsing history

If you did not use private mode, you can delete the pages you visited. Open your browser's settings. Look for "History" or "Clear browsing data". You can delete just the pages you choose, or everything from the last hour.

If deleting everything would look strange to someone who checks, delete only the pages of this guide.

## What this website keeps

We do not know who you are. You do not need an account to read the guide.

- The guide puts a small file called a cookie on your phone or computer. It protects the "Is this page useful?" form. It does not say who you are, and it is deleted when you close your browser.
- If you choose a version of the guide, such as easy read, we keep that choice in a second cookie. Nothing else is in it.
- When you answer "Is this page useful?" or fill in our questionnaire, we do not keep your name. We do not keep your internet address with your answer.

Read [our cookies page](/cookies/) to find out more.

## Other ways to stay safe

- Use a phone or computer that the other person cannot use, like one at a library or a friend's house.
- Think about who can see your emails, texts and call history.
- The National Domestic Abuse Helpline is free and open all day and night: 0808 2000 247.
""",
        "children": """Sometimes you might not want other people to know you are reading this. That is OK. Here is how to keep it private.

> If you are in danger, call 999. You can call Childline free on 0800 1111. Childline keeps what you say private, unless someone's life is in danger.

## Leave fast

There is a red "Exit this page" button at the top of every page. Press it and a weather page opens instead.

On a keyboard, you can press the Shift key three times. That works too.

## Keep it private

Your phone or computer remembers the pages you look at. This is called your history. You can stop this by using a private window. It is called "incognito" or "private browsing".

You can also delete your history in your browser's settings.

## What this website knows about you

Nothing. We do not know your name. We do not know where you are. A tiny file called a cookie helps our forms work, but it does not say who you are.
""",
    },
    {
        "slug": "the-words-we-use",
        "title": "The words we use",
        "summary": "Social workers sometimes use words that are hard to follow. Here are some common ones and what they mean.",
        "parents": """Social workers and other staff use a lot of special words. We try hard not to use jargon. But sometimes we do. This page explains some of the words you may hear.

## Ask us any time

You can always stop us and ask, "What does that mean?" We will be glad to explain. No question is silly.

## Why these words matter

Many of these words come from the law. You will see them in letters and reports. You will also hear them in meetings. Knowing what they mean can help you feel more in control.

If you hear a word you do not know, write it down. You can ask us about it later. You can also ask us to use plain words in letters and reports. If English is not your first language, your interpreter can help with these words too.

## Words in this guide

In this guide, some words have a dotted line under them. Select one of these words to see what it means. You can find all the words in the [glossary](/guide/glossary/).

## Common words

- **Child in need**: a child who needs extra help to be safe, healthy or to grow and learn well.
- **Child protection plan**: a written plan to keep a child safe from harm. It says what must change and who will help.
- **Core group**: a small team, including parents, that meets often to make a child protection plan work.
- **Looked after**: when a child is in our care. They may live with foster carers, relatives or in a children's home.
- **Section 47 enquiry**: when we look closely at whether a child is being harmed. Section 47 is part of the Children Act 1989.
- **Independent Reviewing Officer (IRO)**: a person who checks that a child in care has the right plan. They are not the child's social worker.
- **Signs of Safety**: a way of working with families. We ask what is working well, what worries us, and what needs to happen.
- **Systemic practice**: a way of working that looks at the relationships around a child. It sees families as the experts on their own lives.
""",
        "children": """Sometimes grown-ups use words that are hard to understand. That is not your fault. You can always ask, "What does that mean?"

Some words in this guide have a dotted line under them. Tap or select the word to see what it means.

## Some words you might hear

- **Child in need**: a child who needs some extra help.
- **Child protection plan**: a plan to help keep a child safe.
- **Core group**: a small group of people who work on that plan.
- **Looked after**: when a child is in care. They might live with foster carers.
- **Section 47 enquiry**: when a social worker checks if a child is safe.
- **IRO**: the person who checks that your care plan is right for you.
- **Signs of Safety**: a way to talk about what is good, what is worrying, and what needs to happen.
- **Systemic practice**: a way of working that thinks about all the people in your life.

You can find more words in the [glossary](/guide/glossary/).
""",
    },
]
