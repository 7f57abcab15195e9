"""Demo translations: two parts and four glossary words in Polish (left to right) and Arabic (right to left).

They are EXAMPLES, written for the demo and never checked by a translator: every one is saved with
is_example=True and credited to "Example translation (not checked)", so readers are told so on every page that
shows one. A service going live must have its translations made and checked by qualified translators.

Links to other parts keep their English addresses (/guide/...): the guide sends them to the reader's language.
"""

EXAMPLE_CREDIT = "Example translation (not checked)"

PARTS = {
    "what-to-expect-from-your-social-worker": {
        "pl": {
            "title": "Czego możesz oczekiwać od pracownika socjalnego",
            "summary": "Kim jest twój pracownik socjalny, co będzie robić, o co cię prosimy i co zrobić, gdy coś nie działa.",
            "parents": """Pracownik socjalny to osoba, która najbliżej współpracuje z twoją rodziną. Z tej części dowiesz się, co będzie robić. Dowiesz się też, o co prosimy ciebie.

## Kim jest pracownik socjalny

Pracownik socjalny to wykwalifikowany specjalista. Musi być zarejestrowany w Social Work England. To krajowa instytucja, która sprawdza pracowników socjalnych. Jego zadaniem jest dbać o to, żeby dzieci były bezpieczne i zdrowe, oraz wspierać rodziny.

Nasz zespół pomaga rodzinom z różnymi potrzebami. Niektóre rodziny potrzebują trochę pomocy. Inne mają poważniejsze zmartwienia. Wszystkim pomaga ten sam zespół. Dlatego masz dużą szansę, że zostanie z tobą ten sam pracownik socjalny. Może tak być nawet wtedy, gdy twoja sytuacja się zmieni albo zmieni się rodzaj pomocy. Nie powinno być tak, że musisz zaczynać od nowa z kimś innym.

## Co będzie robić pracownik socjalny

Pracownik socjalny będzie:

- odwiedzać cię w domu i spotykać się z twoimi dziećmi
- czasem rozmawiać z dziećmi sam na sam
- mówić ci prawdę, nawet jeśli trudno jej słuchać
- jasno mówić, czy się martwi i dlaczego
- wyjaśniać, co pisze o twojej rodzinie
- przychodzić wtedy, kiedy obiecał, albo uprzedzać, że nie może
- słuchać twojego zdania i je zapisywać
- mówić ci, co będzie dalej

Pracownik socjalny nie zawsze się z tobą zgodzi. Ale zawsze powinien traktować cię z szacunkiem.

Pracownicy socjalni też potrzebują wsparcia. Twój pracownik socjalny regularnie spotyka się ze swoim kierownikiem, żeby porozmawiać o swojej pracy. Nazywa się to superwizją. Daje mu to czas, żeby dokładnie przemyśleć sytuację twojej rodziny. Razem sprawdzają, co działa i czego spróbować dalej. Dzięki temu pracownik socjalny może lepiej ci pomagać.

## O co cię prosimy

Współpraca działa w obie strony. Prosimy cię, żebyś:

- mówił nam prawdę, także o trudnych sprawach
- mówił nam, gdy coś zmieni się w domu
- uprzedzał nas, jeśli nie możesz przyjść na wizytę lub spotkanie
- mówił nam, gdy czegoś nie rozumiesz
- mówił nam, jakiej pomocy według ciebie potrzebujesz

Masz prawo czuć złość albo niepokój. Możesz powiedzieć pracownikowi socjalnemu, jak się czujesz.

## Jeśli coś nie działa

Czasem współpraca się nie układa. Powiedz nam o tym. Najpierw spróbuj porozmawiać z pracownikiem socjalnym. Jeśli to nie pomoże, poproś o rozmowę z jego kierownikiem. Możesz też [przekazać opinię albo złożyć skargę](/guide/feedback-and-complaints/).

> Złożenie skargi nie zmieni pomocy, którą twoja rodzina od nas dostaje.
""",
            "children": """Twój pracownik socjalny jest po to, żeby pomagać ci być bezpiecznym i zdrowym. Na tej stronie dowiesz się, co będzie robić.

## Co robi pracownik socjalny

Twój pracownik socjalny będzie:

- przychodzić do ciebie, do domu albo w inne miejsce
- rozmawiać z tobą, czasem sam na sam
- słuchać, co myślisz i czujesz
- mówić ci prawdę, nawet gdy jest trudna
- mówić ci, czy się martwi i dlaczego
- wyjaśniać, co o tobie pisze
- przychodzić wtedy, kiedy obiecał

Nie zawsze może zrobić to, czego chcesz. Ale powie ci dlaczego.

## Ta sama osoba

Staramy się, żeby twoja rodzina miała ciągle tego samego pracownika socjalnego. Wtedy możesz go dobrze poznać. A on może dobrze poznać ciebie.

## Twój pracownik socjalny też dostaje pomoc

Twój pracownik socjalny często rozmawia ze swoim szefem. To pomaga mu wymyślić, jak najlepiej ci pomóc.

## Jeśli coś jest nie tak

Powiedz pracownikowi socjalnemu, jeśli coś ci się nie podoba. Albo powiedz innemu dorosłemu, któremu ufasz. Pomoże ci nam to przekazać. Nie będziesz mieć kłopotów. Możesz przeczytać, [jak powiedzieć nam, co myślisz](/guide/feedback-and-complaints/).

Możesz też zadzwonić do Childline pod numer 0800 1111. To nic nie kosztuje.
""",
        },
        "ar": {
            "title": "ما الذي تتوقعونه من الأخصائي الاجتماعي",
            "summary": "من هو الأخصائي الاجتماعي، وما الذي سيفعله، وما الذي نطلبه منكم، وماذا تفعلون إذا لم تسر الأمور جيدًا.",
            "parents": """الأخصائي الاجتماعي هو الشخص الذي يعمل عن قرب مع عائلتكم. يشرح لكم هذا الجزء ما الذي سيفعله. ويشرح أيضًا ما الذي نطلبه منكم.

## من هو الأخصائي الاجتماعي

الأخصائي الاجتماعي شخص مهني مدرَّب. ويجب أن يكون مسجَّلًا لدى هيئة Social Work England. هذه هي الهيئة الوطنية التي تراقب عمل الأخصائيين الاجتماعيين. وظيفته أن يساعد على إبقاء الأطفال آمنين وبخير، وأن يدعم العائلات.

تساعد خدمتنا عائلات لديها احتياجات مختلفة. بعض العائلات تحتاج إلى قليل من المساعدة. وعائلات أخرى لديها مخاوف أكبر. والفريق نفسه يساعد كل هذه العائلات. لذلك من المرجح أن يبقى معكم الأخصائي الاجتماعي نفسه. وقد يبقى هو نفسه حتى إذا تغيّر وضعكم أو تغيّر نوع المساعدة. لا ينبغي أن تضطروا إلى البدء من جديد مع شخص آخر.

## ما الذي سيفعله الأخصائي الاجتماعي

سيقوم الأخصائي الاجتماعي بما يلي:

- يزوركم في البيت ويرى أطفالكم
- يتحدث أحيانًا مع أطفالكم على انفراد
- يكون صادقًا معكم، حتى عندما يكون سماع الحقيقة صعبًا
- يخبركم بوضوح إذا كان قلقًا، ولماذا
- يشرح لكم ما يكتبه عن عائلتكم
- يأتي في الموعد الذي قاله، أو يخبركم إذا لم يستطع
- يستمع إلى آرائكم ويكتبها
- يخبركم بما سيحدث بعد ذلك

لن يتفق الأخصائي الاجتماعي معكم دائمًا. لكن عليه أن يعاملكم باحترام دائمًا.

الأخصائيون الاجتماعيون يحتاجون إلى الدعم أيضًا. يلتقي الأخصائي الاجتماعي بمديره بانتظام ليتحدثا عن عمله. ويُسمّى هذا الإشراف. يمنحه ذلك وقتًا ليفكر بعناية في وضع عائلتكم. وينظران معًا في ما ينجح وفي ما يمكن تجربته بعد ذلك. وهذا يساعد الأخصائي الاجتماعي على أن يساعدكم بشكل أفضل.

## ما الذي نطلبه منكم

العمل المشترك يكون من الطرفين. نطلب منكم أن:

- تكونوا صادقين معنا، حتى في الأمور الصعبة
- تخبرونا إذا تغيّر شيء في البيت
- تعلمونا إذا لم تستطيعوا حضور زيارة أو اجتماع
- تخبرونا إذا لم تفهموا شيئًا
- تخبرونا بنوع المساعدة التي تعتقدون أنكم تحتاجونها

من الطبيعي أن تشعروا بالغضب أو القلق. يمكنكم أن تخبروا الأخصائي الاجتماعي بما تشعرون به.

## إذا لم تسر الأمور جيدًا

أحيانًا لا تنجح العلاقة كما ينبغي. أخبرونا بذلك من فضلكم. حاولوا أولًا التحدث مع الأخصائي الاجتماعي. إذا لم يساعد ذلك، فاطلبوا التحدث مع مديره. ويمكنكم أيضًا [إعطاء رأيكم أو تقديم شكوى](/guide/feedback-and-complaints/).

> تقديم شكوى لن يغيّر المساعدة التي تحصل عليها عائلتكم منا.
""",
            "children": """الأخصائي الاجتماعي موجود ليساعدك على أن تبقى آمنًا وبخير. تشرح لك هذه الصفحة ما الذي سيفعله.

## ماذا يفعل الأخصائي الاجتماعي

سيقوم الأخصائي الاجتماعي بما يلي:

- يأتي لرؤيتك، في البيت أو في مكان آخر
- يتحدث معك، وأحيانًا على انفراد
- يستمع إلى ما تفكر فيه وتشعر به
- يقول لك الحقيقة، حتى عندما تكون صعبة
- يخبرك إذا كان قلقًا، ولماذا
- يشرح لك ما يكتبه عنك
- يأتي في الموعد الذي قاله

لا يستطيع دائمًا أن يفعل ما تريده. لكنه سيخبرك بالسبب.

## الشخص نفسه

نحاول أن يبقى الأخصائي الاجتماعي نفسه مع عائلتك. هكذا تستطيع أن تتعرف عليه. ويستطيع هو أن يتعرف عليك.

## الأخصائي الاجتماعي يحصل على المساعدة أيضًا

يتحدث الأخصائي الاجتماعي كثيرًا مع مديره. وهذا يساعده على التفكير في أفضل طريقة لمساعدتك.

## إذا كان هناك شيء غير صحيح

أخبر الأخصائي الاجتماعي إذا لم تكن سعيدًا. أو أخبر شخصًا بالغًا آخر تثق به. يمكنه أن يساعدك على إخبارنا. لن تقع في مشكلة. يمكنك أن تقرأ [كيف تخبرنا برأيك](/guide/feedback-and-complaints/).

ويمكنك أيضًا الاتصال بخط Childline على الرقم 0800 1111. الاتصال مجاني.
""",
        },
    },
    "your-rights": {
        "pl": {
            "title": "Twoje prawa",
            "summary": "Czego możesz od nas oczekiwać, o co możesz prosić i jakie prawa mają dzieci i młodzież, z którymi pracujemy.",
            "parents": """Masz prawa, kiedy pracujemy z twoją rodziną. Chcemy, żebyś je znał. Zawsze staramy się ich przestrzegać. Jeśli uważasz, że tak nie było, powiedz nam o tym.

## Twoje prawa jako rodzica lub opiekuna

Masz prawo:

- być traktowanym z szacunkiem i uczciwie
- dostać wyjaśnienia w taki sposób, żebyś je rozumiał
- mieć bezpłatnego tłumacza, także tłumacza języka migowego
- mieć przy sobie na spotkaniach kogoś bliskiego, na przykład przyjaciela albo krewnego
- nie zgadzać się z nami i mieć swoje zdanie zapisane
- złożyć skargę

## Co o tobie piszemy

Prowadzimy dokumentację naszej pracy z tobą. Możesz poprosić o kopię dokumentów, które o tobie przechowujemy. Nazywa się to wnioskiem o dostęp do danych. Zwykle jest bezpłatny. Odpowiedź powinna przyjść zwykle w ciągu miesiąca.

Czasem nie możemy pokazać wszystkiego. Może tak być, gdy informacja dotyczy kogoś innego. Albo gdy jej pokazanie mogłoby kogoś narazić na niebezpieczeństwo. Kiedy tylko możemy, wyjaśnimy dlaczego.

Możesz uważać, że coś, co napisaliśmy, jest nieprawdą. Jeśli tak, powiedz nam. Poprawimy każdy błędny fakt. Jeśli się nie zgodzimy, dodamy twoje zdanie do dokumentacji.

## Kiedy się z nami nie zgadzasz

Możesz się z nami nie zgadzać. Powiedz o tym pracownikowi socjalnemu. Wysłuchamy cię i zapiszemy, co myślisz. Twoje zdanie przedstawimy na spotkaniach w sprawie twojego dziecka.

Jeśli nadal nie możemy dojść do porozumienia, możesz porozmawiać z kierownikiem. Możesz też złożyć skargę. Więcej przeczytasz w części [opinie i skargi](/guide/feedback-and-complaints/).

## Prawa twojego dziecka

Dzieci i młodzież też mają prawa. Mają prawo:

- być wysłuchane i traktowane poważnie
- mieć wpływ na decyzje dotyczące ich życia
- mieć rzecznika, jeśli są pod opieką lub ją opuszczają
- do prywatności

Rzecznik to osoba, która pomaga dziecku powiedzieć, co myśli. Więcej przeczytasz w części [pomoc i rzecznictwo](/guide/getting-help-and-advocacy/).

## Zachowanie prywatności

To, co ty i twoje dziecko nam mówicie, zachowujemy dla siebie, na ile to możliwe. Ale nie możemy utrzymać tajemnicy, jeśli ktoś nie jest bezpieczny. Wtedy możemy musieć przekazać informację osobom, które mogą pomóc. Może to być policja, lekarz albo szkoła.

Powiemy ci o tym szczerze. Postaramy się powiedzieć ci najpierw. Jeśli mogłoby to kogoś narazić, powiemy ci później. Zawsze wyjaśnimy, komu powiedzieliśmy i dlaczego.
""",
            "children": """Masz prawa. Prawa to rzeczy, które zawsze powinny ci przysługiwać. Oto niektóre twoje prawa, kiedy pracuje z tobą pracownik socjalny.

## Masz prawo

- być traktowanym życzliwie i z szacunkiem
- być wysłuchanym
- mieć wpływ na to, co się z tobą dzieje
- dostać wyjaśnienia, które rozumiesz
- poskarżyć się, jeśli coś ci się nie podoba
- mieć rzecznika, jeśli jesteś pod opieką

Rzecznik to osoba, która pomaga ci powiedzieć, co myślisz. Dba o to, żeby dorośli usłyszeli twoje zdanie.

## Prywatność

To, co nam mówisz, zachowujemy dla siebie. Ale w jednej sprawie musimy być z tobą szczerzy. Jeśli ty albo ktoś inny nie jest bezpieczny, możemy musieć powiedzieć o tym innym osobom. Robimy to po to, żeby mogły pomóc. Postaramy się najpierw porozmawiać z tobą. Powiemy ci, komu powiedzieliśmy i dlaczego.

## Co o tobie piszemy

Zapisujemy, co robimy, żeby ci pomóc. Możesz poprosić, żeby zobaczyć, co o tobie napisaliśmy. Zapytaj pracownika socjalnego, a on ci pomoże.

> Jeśli uważasz, że nie przestrzegamy twoich praw, powiedz nam. Nie będziesz mieć kłopotów.
""",
        },
        "ar": {
            "title": "حقوقكم",
            "summary": "ما الذي يمكنكم أن تتوقعوه منا، وما الذي يمكنكم طلبه، وما حقوق الأطفال والشباب الذين نعمل معهم.",
            "parents": """لكم حقوق عندما نعمل مع عائلتكم. نريد أن تعرفوا هذه الحقوق. وسنحاول دائمًا احترامها. إذا شعرتم أننا لم نحترمها، فأخبرونا من فضلكم.

## حقوقكم بصفتكم آباء أو مقدمي رعاية

لكم الحق في:

- أن تُعامَلوا باحترام وإنصاف
- أن تُشرَح لكم الأمور بطريقة تفهمونها
- الحصول على مترجم مجانًا، بما في ذلك مترجم لغة الإشارة
- أن يكون معكم شخص في الاجتماعات، مثل صديق أو قريب
- أن تختلفوا معنا وأن تُكتَب آراؤكم
- تقديم شكوى

## الاطلاع على ما نكتبه

نحتفظ بسجلات عن عملنا معكم. يمكنكم أن تطلبوا نسخة من السجلات التي نحتفظ بها عنكم. ويُسمّى هذا طلب الاطلاع على البيانات الشخصية. وهو عادةً مجاني. ويجب أن نرد عادةً خلال شهر واحد.

أحيانًا لا نستطيع مشاركة كل جزء. قد يكون السبب أن الجزء يتعلق بشخص آخر. أو أن مشاركته قد تعرّض شخصًا للخطر. وعندما نستطيع، سنشرح لكم السبب.

قد تعتقدون أن شيئًا كتبناه غير صحيح. إذا كان الأمر كذلك، فأخبرونا. سنصحح أي معلومات خاطئة. وإذا لم نتفق معكم، فسنضيف رأيكم إلى سجلكم.

## عندما تختلفون معنا

لا بأس أن تختلفوا معنا. أخبروا الأخصائي الاجتماعي. سنستمع إليكم ونكتب ما تفكرون فيه. وسنعرض رأيكم في الاجتماعات التي تخص طفلكم.

إذا بقينا غير متفقين، يمكنكم التحدث مع أحد المديرين. ويمكنكم أيضًا تقديم شكوى. اقرؤوا المزيد في [الآراء والشكاوى](/guide/feedback-and-complaints/).

## حقوق طفلكم

للأطفال والشباب حقوق أيضًا. لهم الحق في:

- أن يُستمَع إليهم وأن يؤخذ كلامهم بجدية
- أن يكون لهم رأي في القرارات التي تخص حياتهم
- أن يكون لهم مناصر إذا كانوا في الرعاية أو يغادرونها
- الخصوصية

المناصر شخص يساعد الطفل على التعبير عن رأيه. اقرؤوا المزيد في [الحصول على المساعدة والمناصرة](/guide/getting-help-and-advocacy/).

## الحفاظ على الخصوصية

نحافظ على خصوصية ما تخبروننا به أنتم وطفلكم قدر ما نستطيع. لكننا لا نستطيع كتمان سر إذا كان شخص ما غير آمن. عندها قد نحتاج إلى مشاركته مع أشخاص يستطيعون المساعدة. قد يكونون الشرطة أو طبيبًا أو المدرسة.

سنكون صادقين معكم في ذلك. وسنحاول أن نخبركم أولًا. إذا كان ذلك قد يعرّض أحدًا للخطر، فقد نخبركم لاحقًا. وسنشرح لكم دائمًا لمن أخبرنا ولماذا.
""",
            "children": """لك حقوق. الحقوق أشياء يجب أن تحصل عليها دائمًا. هذه بعض حقوقك عندما يعمل معك أخصائي اجتماعي.

## لك الحق في

- أن تُعامَل بلطف واحترام
- أن يُستمَع إليك
- أن يكون لك رأي في ما يحدث لك
- أن تُشرَح لك الأمور بطريقة تفهمها
- أن تشتكي إذا لم تكن سعيدًا
- أن يكون لك مناصر إذا كنت في الرعاية

المناصر شخص يساعدك على التعبير عن رأيك. ويتأكد من أن الكبار يسمعون ما تفكر فيه.

## الخصوصية

نحافظ على خصوصية ما تخبرنا به. لكن يجب أن نكون صادقين معك في أمر واحد. إذا كنت أنت أو شخص آخر غير آمن، فقد نحتاج إلى إخبار أشخاص آخرين. نفعل ذلك حتى يستطيعوا المساعدة. سنحاول أن نتحدث معك أولًا. وسنخبرك لمن قلنا ولماذا.

## الاطلاع على ما نكتبه

نكتب ما نفعله لمساعدتك. يمكنك أن تطلب رؤية ما كتبناه عنك. اسأل الأخصائي الاجتماعي، وسيساعدك.

> إذا شعرت أننا لا نحترم حقوقك، فأخبرنا. لن تقع في مشكلة.
""",
        },
    },
}

# Glossary entries by slug: (term, definition) in each language.
GLOSSARY = {
    "advocate": {
        "pl": (
            "rzecznik",
            "Rzecznik to osoba, która pomaga ci powiedzieć, co myślisz i czego chcesz. Jest po twojej stronie i nie "
            "podejmuje decyzji o twojej rodzinie. Dzieci pod opieką i młodzi ludzie, którzy ją opuszczają, mają prawo "
            "do rzecznika.",
        ),
        "ar": (
            "المناصر",
            "المناصر شخص يساعدك على قول ما تفكر فيه وما تريده. هو في صفك ولا يتخذ قرارات بشأن عائلتك. للأطفال في "
            "الرعاية والشباب الذين يغادرون الرعاية الحق في أن يكون لهم مناصر.",
        ),
    },
    "assessment": {
        "pl": (
            "ocena",
            "Ocena to czas, kiedy pracownik socjalny poznaje twoją rodzinę. Sprawdza, co idzie dobrze, co budzi "
            "niepokój i jakiej pomocy potrzebujecie. Mówi wam, czego się dowiedział.",
        ),
        "ar": (
            "التقييم",
            "التقييم هو الوقت الذي يتعرّف فيه الأخصائي الاجتماعي على عائلتكم. ينظر في ما يسير جيدًا، وما يثير القلق، "
            "وما المساعدة التي تحتاجونها. ويشارككم ما توصّل إليه.",
        ),
    },
    "core-group": {
        "pl": (
            "grupa robocza",
            "Mała grupa, która często się spotyka, żeby plan ochrony dziecka działał. Należą do niej rodzice, pracownik "
            "socjalny i inne osoby, które znają dziecko, na przykład nauczyciel.",
        ),
        "ar": (
            "المجموعة الأساسية",
            "مجموعة صغيرة تجتمع كثيرًا لتنجح خطة حماية الطفل. تضم الوالدين والأخصائي الاجتماعي وآخرين يعرفون الطفل، "
            "مثل المعلم.",
        ),
    },
    "early-help": {
        "pl": (
            "wczesna pomoc",
            "Wsparcie dla rodzin, żeby małe problemy nie stały się dużymi. Sam decydujesz, czy chcesz z niego "
            "skorzystać. Może pomóc na przykład w wychowaniu dzieci, w sprawach szkoły, pieniędzy albo zdrowia.",
        ),
        "ar": (
            "المساعدة المبكرة",
            "دعم للعائلات حتى لا تصبح المشكلات الصغيرة مشكلات كبيرة. أنتم تختارون إن كنتم تريدون المشاركة. يمكن أن "
            "تساعد في أمور مثل تربية الأطفال أو المدرسة أو المال أو الصحة.",
        ),
    },
}


def load(editor) -> int:
    """Add any demo translation not there yet, for languages the service has turned on. Returns how many."""
    from practice_guide import translations
    from practice_guide.models import GlossaryTerm, GlossaryTranslation, GuidePart, Translation

    credit = translations.Credit(EXAMPLE_CREDIT, is_example=True)
    added = 0
    for language in translations.turned_on():
        for slug, by_language in PARTS.items():
            text = by_language.get(language.code)
            part = GuidePart.objects.filter(slug=slug, published__isnull=False).first()
            if text is None or part is None or Translation.objects.filter(part=part, language=language.code).exists():
                continue
            translations.save_translation(
                part,
                language,
                text=translations.TranslationText(
                    text["title"], text["summary"], text["parents"].strip(), text["children"].strip()
                ),
                credit=credit,
                expected_version=None,
                by=editor,
            )
            added += 1
        for slug, by_language in GLOSSARY.items():
            entry = GlossaryTerm.objects.filter(slug=slug).first()
            if language.code not in by_language or entry is None:
                continue
            if GlossaryTranslation.objects.filter(entry=entry, language=language.code).exists():
                continue
            term, definition = by_language[language.code]
            translations.save_glossary_translation(
                entry, language, term=term, definition=definition, credit=credit, expected_version=None, by=editor
            )
            added += 1
    return added
