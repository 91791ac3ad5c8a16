"""Table tests per recognizer, through the real analyzer: positives, and `# no match` rows."""

from __future__ import annotations

import pytest

from assistant.normalize import normalize
from assistant.privacy.recognizers.coded_id import CodedIdRecognizer
from assistant.privacy.recognizers.street_address import StreetAddressRecognizer

POSITIVES = [
    # (text, type, value that must be scrubbed, whole)
    ("Session on March 3rd went well.", "DATE", "March 3rd"),
    ("Her father died on the 2nd of June.", "DATE", "the 2nd of June"),
    ("We spoke on 3/14 about sleep.", "DATE", "3/14"),
    ("DOB 07/22/1986, seen today.", "DATE", "07/22/1986"),
    ("It happened last Tuesday the 4th.", "DATE", "Tuesday the 4th"),
    ("Born 1986-07-22 in winter.", "DATE", "1986-07-22"),
    # forms of address of other languages; initials, particles and a listed given name before a name
    ("Dhr. De Vries meldt zich aan.", "PERSON", "De Vries"),
    ("Pani Kowalska przyszła na sesję.", "PERSON", "Kowalska"),
    ("Utente: Inês Carvalho Mota, n.º de utente", "PERSON", "Inês Carvalho Mota"),
    ("Practice numbers: N. Mahlangu PR 0864123; S. van Wyk PR 0869932.", "PERSON", "S. van Wyk"),
    ("Practice numbers: N. Mahlangu PR 0864123; S. van Wyk PR 0869932.", "PERSON", "N. Mahlangu"),
    # units and staircases after a house number, a unit leading an address line
    ("Studio in Viale Trastevere 66, scala B, int. 9, Roma.", "ADDRESS", "Viale Trastevere 66, scala B, int. 9"),
    ("mieszka os. Teatralne 9 m. 14 w Krakowie", "ADDRESS", "os. Teatralne 9 m. 14"),
    ("Unit 3, Fairgreen Business Park, Galway", "ADDRESS", "Unit 3"),
    # a time after a date, with the hour words of other languages
    ("Nouvelle séance le 6 mars à 13 h 30 au cabinet.", "DATE", "6 mars à 13 h 30"),
    ("Afspraak woensdag 26 maart 2025, 14.00 uur bij ons.", "DATE", "26 maart 2025, 14.00 uur"),
    ("Hẹn thứ Sáu, ngày 7 tháng 3 năm 2025, 9 giờ sáng nhé", "DATE", "ngày 7 tháng 3 năm 2025, 9 giờ sáng"),
    ("सत्र शुक्रवार, 14 मार्च 2025, दोपहर 3 बजे है", "DATE", "14 मार्च 2025, दोपहर 3 बजे"),
    ("Her party is on the 21st.", "DATE", "the 21st"),
    # any number of seven digits or more, whatever its label or language
    ("my iqama 2418830571 for the form", "ID", "2418830571"),
    ("Transferencia a CBU 0170099220000067141839 mañana.", "ID", "0170099220000067141839"),
    ("y el carnet de OSDE (61 447802 3 01). Un abrazo.", "ID", "61 447802 3 01"),
    ("VA file VA-44718-2230. Session 2 of 6.", "ID", "VA-44718-2230"),
    # unlabelled codes of capitals and digits, and a capital prefix before a long number
    ("Discussed client W. (file KAP-ON-0457) today.", "ID", "KAP-ON-0457"),
    ("Discharge: Ng, Wei Ling (SGH-KAP-00412).", "ID", "SGH-KAP-00412"),
    ("カルテ番号 KP-0412-TK、確認済み", "ID", "KP-0412-TK"),
    ("Alex's is scanned as ECG-0473.", "ID", "ECG-0473"),
    # an IBAN by its shape, check digits or not; a credential with its state in brackets
    ("Paid from IBAN IE64 AIBK 9311 5212 3456 78 on Friday.", "ACCOUNT", "IE64 AIBK 9311 5212 3456 78"),
    ("Supervisee: L. Achebe, LPC (TX #84417)", "LICENSE", "84417"),
    # cells under a header that names what they hold, however short or ordinary
    ("client_id,last_name,first_name,dob\nC-20931,Halvorsen,Grace,1977-05-30", "ID", "C-20931"),
    ("client_id,last_name,first_name,dob\nC-20931,Halvorsen,Grace,1977-05-30", "PERSON", "Grace"),
    ("mrn;name;preferred;language\nIC-5512;Tenzin Dolkar;Dolkar;Tibetan", "MRN", "IC-5512"),
    ("| Name | Phone | Notes |\n|---|---|---|\n| Makana | 808 555 0130 | quiet |", "PERSON", "Makana"),
    ("invoice\tclient\tamount\nINV-50217\tNgozi Eze\t275.00", "ACCOUNT", "INV-50217"),
    ("ts,user,device\n2024-05-14T16:02:11Z,therapist,C02XK1ZJJG5J", "DEVICE", "C02XK1ZJJG5J"),
    # the name a person goes by: labelled, or quoted after their name
    ("Zhou Jiaqi (\"Kiki\") - Tuesdays", "PERSON", "Kiki"),
    ("Also known as: Preet\nDOB: unknown", "PERSON", "Preet"),
    ("she goes by \"Lulu\" now", "PERSON", "Lulu"),
    # a plate after (or, in Hungarian, before) a plate word in many languages
    ("Fahrzeug mit dem Kennzeichen GE 617308 gesehen", "LICENSE", "GE 617308"),
    ("odcizeno vozidlo RZ KE-126AU. Majitel", "LICENSE", "KE-126AU"),
    ("ellopták a QO NT-241 rendszámú autót", "LICENSE", "QO NT-241"),
    ("My car is UY-374-R. Contact me", "LICENSE", "UY-374-R"),
    # ages over 89 in words and with age wording of many languages
    ("Nagymama ma kilencvenkilenc éves!", "AGE", "kilencvenkilenc"),
    ("mia madre Livia ha 100 anni e vive da sola", "AGE", "100"),
    ("Gertrud wird am 30. Dezember dreiundneunzig! Feier", "AGE", "dreiundneunzig"),
    ("He died at the age of ninety-nine, at home.", "AGE", "ninety-nine"),
    ("que hoy cumple noventa años!", "AGE", "noventa"),
    # licence numbers after a credential or a regulator; national health-plan labels
    ("Hannah Ostrowski, LCSW (LCSW 88214)", "LICENSE", "88214"),
    ("psichiatra (iscr. Ordine n. NA-22871)", "LICENSE", "NA-22871"),
    ("Dra. Marília Nóbrega (CRM-SP 145.887).", "LICENSE", "CRM-SP 145.887"),
    ("clinical psychologist (HPCSA PS 0098765)", "LICENSE", "HPCSA PS 0098765"),
    ("Therapist: Dalia Khoury, LMFT 118204", "LICENSE", "LMFT 118204"),
    ("Provider: Leimomi Kealoha, MD, HI lic. MD-18872.", "LICENSE", "MD-18872"),
    ("Dr Ratu Epeli Nailatikau, FMDC reg. MP-2281", "LICENSE", "MP-2281"),
    ("Врач: Абдуллаев Шухрат (лицензия № 00412)", "LICENSE", "00412"),
    ("Dr. Orlando Cepero, registro profesional 54321", "LICENSE", "54321"),
    ("Evaluator: dr. Andrei Munteanu, cod parafă A12345", "LICENSE", "A12345"),
    ("he lived till 96, stubborn as a mule", "AGE", "96"),
    # streets in other scripts with their numbers and units
    ("Адрес: ул. Пушкина, д. 10, кв. 5, Москва", "ADDRESS", "ул. Пушкина, д. 10, кв. 5"),
    ("живе на вул. Сумська 45 з мамою", "ADDRESS", "вул. Сумська 45"),
    ("כתובת: רחוב הרצל 45, דירה 12", "ADDRESS", "רחוב הרצל 45, דירה 12"),
    ("العنوان: ١٢ شارع التحرير، الشقة ٤", "ADDRESS", "١٢ شارع التحرير، الشقة ٤"),
    ("ที่อยู่ ซอยสุขุมวิท 24 เลขที่ 9/1", "ADDRESS", "ซอยสุขุมวิท 24 เลขที่ 9/1"),
    ("주소: 와우산로 94, 302호", "ADDRESS", "와우산로 94, 302호"),
    ("Διεύθυνση: οδός Ερμού 12", "ADDRESS", "οδός Ερμού 12"),
    ("am Strand mit Opa Heinz, der 99 geworden ist", "AGE", "99"),
    ("Private health: BUP 88302715", "HEALTH_PLAN", "BUP 88302715"),
    ("né le 14 juillet, NAM NDAJ 8107 1412", "HEALTH_PLAN", "NDAJ 8107 1412"),
    # e-mails and phones spelled in other languages; a name after a label in Portuguese
    ("Mail: gosia kropka nowak84 małpa wp kropka pl.", "EMAIL", "gosia kropka nowak84 małpa wp kropka pl"),
    ("E-posta: deniz.yildirim et gmail nokta com.", "EMAIL", "deniz.yildirim et gmail nokta com"),
    ("Nos mudamos desde Cataluña en julio.", "DATE", "julio"),  # a bare month in another language
    ("La consulta es en agosto, sin fecha.", "DATE", "agosto"),
    ("Sie kam im November zur ersten Sitzung.", "DATE", "November"),
    ("Il a commencé début octobre, fin novembre c'était fini.", "DATE", "octobre"),
    ("Ela voltou em março com a mãe.", "DATE", "março"),
    ("E-posta: burak.sahin et işareti gmail nokta com", "EMAIL", "burak.sahin et işareti gmail nokta com"),
    ("mail: femke.dewit apenstaartje ziggo punt nl", "EMAIL", "femke.dewit apenstaartje ziggo punt nl"),
    ("почта nastya точка volk собака mail точка ru", "EMAIL", "nastya точка volk собака mail точка ru"),
    ("email eleni.pap παπάκι gmail τελεία com", "EMAIL", "eleni.pap παπάκι gmail τελεία com"),
    ("Tel.: zéro six, quarante-deux, dix-huit, soixante-sept, zéro neuf", "PHONE",
     "zéro six, quarante-deux, dix-huit, soixante-sept, zéro neuf"),
    ("Telefon: noll sju noll, fyra åtta två, trettioett, nittio", "PHONE",
     "noll sju noll, fyra åtta två, trettioett, nittio"),
    ("Mój numer: sześć zero jeden, dwa trzy osiem, siedem siedem cztery.", "ID",
     "sześć zero jeden, dwa trzy osiem, siedem siedem cztery"),
    ("Nome: Inês Vasconcelos Moura\nNIF: pending", "PERSON", "Inês Vasconcelos Moura"),
    # names a message greets or is signed with
    ("Hola Manu, soy yo otra vez.", "PERSON", "Manu"),
    ("Kedves Kovács Gábor!\nYour next session is soon.", "PERSON", "Kovács Gábor"),
    ("See you soon.\nTerima kasih,\nDwi Pratiwi", "PERSON", "Dwi Pratiwi"),
    ("You can open it.\nLove, F.", "PERSON", "F"),
    ("please use jess dot t dot 91 at outlook dot co dot nz.", "EMAIL",
     "jess dot t dot 91 at outlook dot co dot nz"),
    ("Correo: facturacion (arroba) clinica (punto) mx", "EMAIL",
     "facturacion (arroba) clinica (punto) mx"),
    # a DNI whose check letter fails is no DNI, but its eight digits still identify
    ("Her DNI ends 12345678A, the wrong letter.", "ID", "12345678A"),
    ("See you on the 3rd and we can talk then.", "DATE", "the 3rd"),
    ("I felt it back in March too.", "DATE", "March"),
    ("Grandpa would be 93 this year.", "AGE", "93"),
    ("She is a 97-year-old retired nurse.", "AGE", "97"),
    ("Mail goes to 2218 Caldwell Ave, Apt 5C now.", "ADDRESS", "2218 Caldwell Ave, Apt 5C"),
    ("Send it to PO Box 2281 please.", "ADDRESS", "PO Box 2281"),
    ("She lives in Oakland, CA 94606 now.", "ZIP", "94606"),
    ("Call me at (503) 555-0143 tonight.", "PHONE", "(503) 555-0143"),
    ("Fax +1 (971) 555-0199 attn records.", "PHONE", "+1 (971) 555-0199"),
    ("Her cell is +55 11 98765-4321.", "PHONE", "+55 11 98765-4321"),
    ("Reach him at 917.555.0128 ext. 3 today.", "PHONE", "917.555.0128 ext. 3"),
    # grouped digits: local numbers of many countries, next to a contact word
    ("You can reach me on 612 448 903 after six.", "PHONE", "612 448 903"),
    ("Her mobile: (41) 652-118, evenings only.", "PHONE", "(41) 652-118"),
    ("Call 8341 2276 if she misses the session.", "PHONE", "8341 2276"),
    ("Phone +44 7700 900456 is her partner's.", "PHONE", "+44 7700 900456"),
    ("Tel. 030 2874 1190 (office).", "PHONE", "030 2874 1190"),
    ("PHONE: +47 26 75 46 33", "PHONE", "+47 26 75 46 33"),
    ("TEL. (+358) 732676665", "PHONE", "(+358) 732676665"),
    ("Phone (03)·9123·4567 for the provider", "PHONE", "(03)·9123·4567"),
    ("Please call 26/628-9769 if symptoms persist.", "PHONE", "26/628-9769"),
    ("Ring her on 98001950 if the dog barks.", "PHONE", "98001950"),
    ("Tel 514 555-0132 poste 218", "PHONE", "514 555-0132 poste 218"),
    ("Write to seun.adeyemi@gmail.com soon.", "EMAIL", "seun.adeyemi@gmail.com"),
    # contact details spelled out or "defanged" so a filter misses them
    ("write to tomas.berg at outlook dot com tonight", "EMAIL", "tomas.berg at outlook dot com"),
    ("Her mail: lena.k (at) web (dot) de, evenings.", "EMAIL", "lena.k (at) web (dot) de"),
    ("Send it to p.ortiz[at]uni.es please.", "EMAIL", "p.ortiz[at]uni.es"),
    ("Login came from 73[.]152[.]8[.]201 at night.", "IP", "73[.]152[.]8[.]201"),
    ("My blog is hxxps://quietriver[.]example[.]org/posts now.", "URL",
     "hxxps://quietriver[.]example[.]org/posts"),
    ("see www(dot)quietriver(dot)net for it", "URL", "www(dot)quietriver(dot)net"),
    ("See https://portal.example.org/msg/88213 for it.", "URL", "https://portal.example.org/msg/88213"),
    ("Login from 73.152.8.201 dropped.", "IP", "73.152.8.201"),
    ("Chart note, MRN 00481127, reviewed.", "MRN", "00481127"),
    ("Chart MR-7730412 was updated.", "MRN", "MR-7730412"),
    ("Ihre Patientennummer lautet PX-22917.", "MRN", "PX-22917"),
    ("Providencia, Santiago\nFicha n° CL-00812", "MRN", "CL-00812"),
    ("Número de prontuário: 2024-88172", "MRN", "2024-88172"),
    ("Sozialversicherungsnummer: 65 031191 Y 512", "SSN", "65 031191 Y 512"),
    ("SSN 512-48-9307 on file.", "SSN", "512-48-9307"),
    ("Account #40019-2273 has a balance.", "ACCOUNT", "40019-2273"),
    ("Member ID XKB448219063 verified.", "HEALTH_PLAN", "XKB448219063"),
    ("Medicaid number is OR88210457 as of now.", "HEALTH_PLAN", "OR88210457"),
    ("Driver's license D4471209 scanned.", "LICENSE", "D4471209"),
    ("Prescriber NPI 1487726390 confirmed.", "LICENSE", "1487726390"),
    ("Renew her passport CX 5520183 before the trip.", "LICENSE", "CX 5520183"),
    ("Dr. Okafor, GMC number 6619024, countersigned.", "LICENSE", "6619024"),
    ("Psychologist provider number 4471093B on the claim.", "LICENSE", "4471093B"),
    ("CPAP serial G6-4471823 was replaced.", "DEVICE", "G6-4471823"),
    ("Register her laptop (MAC BE-71-5E-23-EE-C0) for wifi.", "DEVICE", "BE-71-5E-23-EE-C0"),
    ("sync id 773211df-f5ea-4e53-8bbb-a9af80aaea01 failed", "DEVICE",
     "773211df-f5ea-4e53-8bbb-a9af80aaea01"),
    ("Home monitor 1081295488 was issued.", "DEVICE", "1081295488"),
    ("his insta is @hlaurila now", "URL", "@hlaurila"),
    ("user @zeno.n96, last sync", "URL", "@zeno.n96"),
    ("Paid with Visa ending in 2741 on Friday.", "ACCOUNT", "2741"),
    ("PAID BY CARD **** **** **** 5136", "ACCOUNT", "**** **** **** 5136"),
    ("Card: •••• 6174", "ACCOUNT", "•••• 6174"),
    ("Speeding notice: vehicle FYZ 893 registered to her.", "LICENSE", "FYZ 893"),
    ("Parking receipt: vehicle M 583 DB, entry at noon.", "LICENSE", "M 583 DB"),
    ("VEHICLE 1: ROO-4J88, DRIVER unknown", "LICENSE", "ROO-4J88"),
    ("Driving licence 256 253 440 attached.", "LICENSE", "256 253 440"),
    # addresses outside the US shape: a street-type word or ending, a house number, a unit
    ("Her new flat is at Rautatienkatu 14 as. 7 in Tampere.", "ADDRESS", "Rautatienkatu 14 as. 7"),
    ("Send the forms to Calle Mayor 12, 3º B, please.", "ADDRESS", "Calle Mayor 12, 3º B"),
    ("He grew up at ul. Długa 12/4 near the river.", "ADDRESS", "ul. Długa 12/4"),
    ("Letters go to 96, Boulevard Briand, in Lyon.", "ADDRESS", "96, Boulevard Briand"),
    ("She rents a room on Rua das Flores, 123 now.", "ADDRESS", "Rua das Flores, 123"),
    # a street line by its place on the envelope, whatever its street words
    ("Billed to: Maja Ilinović, Vončinina 536, 31150 Otočac", "ADDRESS", "Vončinina 536"),
    ("Anschrift: Kastanienallee 5, Hinterhaus, 2. Etage links, 10435 Berlin", "ADDRESS",
     "Kastanienallee 5, Hinterhaus, 2. Etage links"),
    ("Piazza Carolina 57, int. 4, Pederiva 35012", "ADDRESS", "Piazza Carolina 57, int. 4"),
    ("RECEIPT\nNO. 203 WENHUA ROAD\n266908 XIAMEN", "ADDRESS", "NO. 203 WENHUA ROAD"),
    ("HOME ADDRESS: 28, LALL ZILA, AHMEDNAGAR 271001", "ADDRESS", "28, LALL ZILA"),
    ("Home address on file: 3-1-8 Kitahama, Sakai", "ADDRESS", "3-1-8 Kitahama"),
    ("she lives at 17 Ellery Close in Hobart", "ADDRESS", "17 Ellery Close"),
    ("Collect it from Linus-Pöll-Ring 2 after lunch.", "ADDRESS", "Linus-Pöll-Ring 2"),
    ("Mail goes to Hauptstraße 5b now.", "ADDRESS", "Hauptstraße 5b"),
    ("They moved to Kossuth Lajos utca 12 last spring.", "ADDRESS", "Kossuth Lajos utca 12"),
    ("Her address is Storgatan 3 lgh 1102 these days.", "ADDRESS", "Storgatan 3 lgh 1102"),
    ("We meet in Suite 210 on Thursdays.", "ADDRESS", "Suite 210"),
    ("Leave it with the neighbour in Apt. 402.", "ADDRESS", "Apt. 402"),
    # postcodes of any country
    ("The letter says London SW1A 1AA on it.", "ZIP", "SW1A 1AA"),
    ("Montreal, QC H2X 1Y4 is on the form.", "ZIP", "H2X 1Y4"),
    ("Kerkstraat 22, 1017 GC Amsterdam.", "ZIP", "1017 GC"),
    ("Hauptstraße 5, 10115 Berlin.", "ZIP", "10115"),
    ("She gave Storgatan 3, Uppsala 752 31 as home.", "ZIP", "752 31"),
    ("Rua Augusta 40, Lisboa 1100-048 for the bill.", "ZIP", "1100-048"),
    ("Postcode: 4120, thanks.", "ZIP", "4120"),
    ("It goes to D-10115 Berlin by Friday.", "ZIP", "10115"),
    ("Flat 4, Karangahape Road, Auckland 1010.", "ZIP", "1010"),
    ("Office: 14 Park Lane, Gaya - 836954, Bihar.", "ZIP", "836954"),
    # the town beside a postcode is a place, in any case
    ("Hämeenkatu 12, 33100 Tampere is the address.", "LOCATION", "Tampere"),
    ("ADDRESS: 22 KINGSWAY, MANCHESTER M19 2LL", "LOCATION", "MANCHESTER"),
    ("Kerkstraat 22, 1017 GC Amsterdam.", "LOCATION", "Amsterdam"),
    ("She gave Storgatan 3, Uppsala 752 31 as home.", "LOCATION", "Uppsala"),
    # national identity, tax and insurance numbers, grouped or with letters
    ("Her NIE is X1234567L, the form says.", "SSN", "X1234567L"),
    ("Numéro de sécurité sociale 2 41 12 19 272 191 83 attached.", "SSN", "2 41 12 19 272 191 83"),
    ("My Number 8034 0600 7373 is on the card.", "SSN", "8034 0600 7373"),
    ("PESEL: 85072312345, checked.", "SSN", "85072312345"),
    ("NI number AB123456C is on the letter.", "SSN", "AB123456C"),
    ("BSN 123456782 on file.", "SSN", "123456782"),
    ("Member ID 4471 2209 8812 verified.", "HEALTH_PLAN", "4471 2209 8812"),
    ("Patient: Örjan Ståhlberg arrived early.", "PERSON", "Örjan Ståhlberg"),
    ("I keep hearing Dr. Alvarez in my head.", "PERSON", "Alvarez"),
    ("Referred by Amira Haddad, LCSW, last month.", "PERSON", "Amira Haddad"),
    ("i told jess about the session.", "PERSON", "jess"),
    ("Intake: OLUWASEUN ADEYEMI, charge nurse.", "PERSON", "OLUWASEUN ADEYEMI"),
    ("Client Marisol Quintero-Vega arrived early.", "PERSON", "Marisol Quintero-Vega"),
    # organisations by their legal form or institution word; venues; labelled places
    ("Senior engineer at Jönsson Strömberg AB since spring.", "ORGANIZATION", "Jönsson Strömberg AB"),
    ("The refund from Bonneau S.A.S. arrived.", "ORGANIZATION", "Bonneau S.A.S"),
    ("he works at nieminen haataja oyj now", "ORGANIZATION", "nieminen haataja oyj"),
    ("your intake call with Yamaguchi Wellness Centre is booked", "ORGANIZATION",
     "Yamaguchi Wellness Centre"),
    ("lost my old phone at matsumoto courthouse lol", "LOCATION", "matsumoto courthouse"),
    ("The van waited outside Paunesti Sports Hall.", "LOCATION", "Paunesti Sports Hall"),
    ("CITY: ODUNPAZARI\nPOSTCODE: on file", "LOCATION", "ODUNPAZARI"),
    # national identity numbers by their format; health plans by a national label
    ("the form asks for GOML850612MDFRRS09 again", "SSN", "GOML850612MDFRRS09"),
    ("Resident registration no. 960802-2345678 on file", "SSN", "960802-2345678"),
    ("her NI number QQ 12 34 56 C was supplied", "SSN", "QQ 12 34 56 C"),
    ("my NIE is Y1234567X, I think", "SSN", "Y1234567X"),
    ("tax record ABCPM1234F for the refund", "SSN", "ABCPM1234F"),
    ("birth number (315320/753) was deleted", "SSN", "315320/753"),
    ("resident ID 321000199510259087; tenant", "SSN", "321000199510259087"),
    ("Health insurance number: BHR 841 247 069.", "HEALTH_PLAN", "BHR 841 247 069"),
    ("RAMQ: GAGE 8209 3012", "HEALTH_PLAN", "GAGE 8209 3012"),
    # dates in other languages and shapes; ages over 89 in speech
    ("Berlin, den 4. März 2024", "DATE", "4. März 2024"),
    ("Sessão de integração, 12 de março de 2024, online", "DATE", "12 de março de 2024"),
    ("Fasting blood test on 2025-12-11T09:11:30Z at the lab", "DATE", "2025-12-11T09:11:30Z"),
    ("checked out on 2025/04/08 after lunch", "DATE", "2025/04/08"),
    ("Employed from 01/2018 to 01/2021", "DATE", "01/2021"),
    ("rent for January has not arrived", "DATE", "January"),
    ("Plan: final session 23/02; integration after.", "DATE", "23/02"),
    ("Nächster Termin 23.10., 16:00.", "DATE", "23.10., 16:00"),
    ("Next: ma 18.11. klo 9.30.", "DATE", "ma 18.11"),
    ("la sesión del jueves 23 a las 17 h", "DATE", "jueves 23 a las 17 h"),
    ("Klinik notu — 12 Şubat", "DATE", "12 Şubat"),
    ("Booked preparation for 5月15日 14:00.", "DATE", "5月15日 14:00"),
    # month and weekday words of other languages (assistant/privacy/data/calendar_words.txt),
    # with the weekday, the links and the time a date carries there
    ("Konsultasi 5 Agustus 2024 di klinik.", "DATE", "5 Agustus 2024"),
    ("Pregled zakazan 3 prosinec 2021.", "DATE", "3 prosinec 2021"),
    ("Ngày 12 tháng ba 2022 tái khám.", "DATE", "12 tháng ba 2022"),
    ("Janji: Kamis, 21 Maret 2024 pukul 09.00 WIB di klinik", "DATE", "Kamis, 21 Maret 2024 pukul 09.00 WIB"),
    ("Időpont: 2024. január 18. délután", "DATE", "2024. január 18"),
    ("Kitas vizitas 2024 m. sausio 3 d. klinikoje", "DATE", "2024 m. sausio 3 d"),
    ("Среща на 27 януари 2020 г. в 10:30 ч. в кабинета", "DATE", "27 януари 2020 г. в 10:30 ч"),
    ("Termin: augusztus 31., csütörtök 10:00", "DATE", "augusztus 31., csütörtök 10:00"),
    ("התור נקבע ל-13 ביולי 2018 בשעה 10:10", "DATE", "13 ביולי 2018 בשעה 10:10"),
    ("الموعد يوم الأحد 19 ديسمبر 2021 09:40 في العيادة", "DATE", "الأحد 19 ديسمبر 2021 09:40"),
    ("Kayıt 2024-yil 8-mart, 19:20 tarihinde", "DATE", "2024-yil 8-mart, 19:20"),
    ("Appointment ma 22 apr 11:00 online", "DATE", "22 apr 11:00"),
    ("Seansa: 22 ta' Settembru 10:30", "DATE", "22 ta' Settembru 10:30"),
    ("Next: penktadienis, 2019-01-04 clinic", "DATE", "penktadienis, 2019-01-04"),
    ("schůzka středa 10. 1. v 10:45 h", "DATE", "středa 10. 1. v 10:45 h"),
    ("Flight 14-Jan-2024, 11:00 IST from Pune", "DATE", "14-Jan-2024, 11:00 IST"),
    ("Rendez-vous le 9 fevrier sans accent", "DATE", "9 fevrier"),
    ("Tue 3/12/24 @ 1:00 PM intake", "DATE", "Tue 3/12/24 @ 1:00 PM"),
    ("下次 10月18日（周一） 11点20分 复诊", "DATE", "10月18日（周一） 11点20分"),
    ("다음 예약 2024년 2월 7일 수요일 오후 3시", "DATE", "2024년 2월 7일 수요일 오후 3시"),
    ("生日是二月十二日", "DATE", "二月十二日"),
    ("she's 94 now and still bakes", "AGE", "94"),
    ("her father Dominik Vajcík (99) was seen today", "AGE", "99"),
    ("triage note: Joy Wolf, ninety-two, brought in", "AGE", "ninety-two"),
    # initials, surname-first forms, roles and rosters
    ("Facilitator: K. Asante", "PERSON", "K. Asante"),
    ("Client: K. Watanabe  MRN on file", "PERSON", "K. Watanabe"),
    ("Ordering: HADDAD, SAMIRA\nCollected at noon", "PERSON", "HADDAD, SAMIRA"),
    ("Spoke with Nguyễn Thị Lan, mother of the client.", "PERSON", "Nguyễn Thị Lan"),
    ("Present: Hope, Will B., Ji-woo and Ola", "PERSON", "Ji-woo"),
    ("Present: Hope, Will B., Ji-woo and Ola", "PERSON", "Ola"),
    ("Fax to Siobhan O'Connor today.", "PERSON", "Siobhan O'Connor"),
    ("Later Hope says that's the point.", "PERSON", "Hope"),
    ("Yesterday Will texted twice.", "PERSON", "Will"),
    ("May came with me to the clinic.", "PERSON", "May"),
    ("My sister Anjali will drive her.", "PERSON", "Anjali"),
    ("She works as a nurse at St. Brigid Medical Center.", "ORGANIZATION", "St. Brigid Medical Center"),
    # a practice's own name before its kind, a kind word that leads, a labelled employer
    ("INTAKE FORM - Lindenhall Psychedelic Therapy", "ORGANIZATION", "Lindenhall Psychedelic Therapy"),
    ("He is on leave from Pacific Rim Semiconductor.", "ORGANIZATION", "Pacific Rim Semiconductor"),
    ("Médico: Dr. Fuentes, Centro de Salud Triana", "ORGANIZATION", "Centro de Salud Triana"),
    ("elle reprend à l'hôpital Lariboisière. Bien.", "ORGANIZATION", "hôpital Lariboisière"),
    ("Employer: Maple Leaf Cold Storage, shift lead", "ORGANIZATION", "Maple Leaf Cold Storage"),
    # more kinds, legal forms and leading kinds of other languages and countries
    ("Invoice from Negombo Holdings (Pvt) Ltd attached.", "ORGANIZATION", "Negombo Holdings (Pvt) Ltd"),
    ("Invoice from BONIFACE CONSULTING LTD attached.", "ORGANIZATION", "BONIFACE CONSULTING LTD"),
    # titles of other scripts before a name, Thai and Burmese ones written onto it
    ("Letter to خانم دکتر نسرین کاظمی about Sara", "PERSON", "نسرین کاظمی"),
    ("From আমি, to ডাক্তার রহমান in London", "PERSON", "রহমান"),
    ("Note to คุณหมอพิมพ์ชนก after the session", "PERSON", "พิมพ์ชนก"),
    ("Her mother ဒေါ်သန်းသန်းနွယ် called", "PERSON", "သန်းသန်းနွယ်"),
    ("Spoke with доктор Петрова today", "PERSON", "Петрова"),
    # the kind of institution in other scripts, before the name or (East Asian) after it
    ("Referral from عيادة السكينة للصحة النفسية – Maadi", "ORGANIZATION", "عيادة السكينة للصحة النفسية"),
    ("Referral: Медицинский центр «Тыныштық», Almaty", "ORGANIZATION", "Медицинский центр «Тыныштық»"),
    ("She works at 株式会社ミナトシステムズ in Osaka", "ORGANIZATION", "株式会社ミナトシステムズ"),
    ("Seen at 마음숲정신건강의학과의원 last year", "ORGANIZATION", "마음숲정신건강의학과의원"),
    ("Discharged from โรงพยาบาลศิริราช on Friday", "ORGANIZATION", "โรงพยาบาลศิริราช"),
    ("Arbeidsgiver: Christensen AS, Oslo", "ORGANIZATION", "Christensen AS"),
    ("Überweisung: Hausarztpraxis am Markt", "ORGANIZATION", "Hausarztpraxis am Markt"),
    ("Suivi au CLSC du Plateau-Mont-Royal.", "ORGANIZATION", "CLSC du Plateau-Mont-Royal"),
    ("She sees Dr. Choi at Maple Grove Pediatrics.", "ORGANIZATION", "Maple Grove Pediatrics"),
    ("He teaches at Roosevelt High School.", "ORGANIZATION", "Roosevelt High School"),
    ("Appointment: 2/20/2024, 6:00-6:50 PM, room 4.", "DATE", "2/20/2024, 6:00-6:50 PM"),
    ("Erstgespräch: Mo 07.10.2024 14:00 im Raum 2", "DATE", "Mo 07.10.2024 14:00"),
    ("Thursday, November 9, 2023, 7:00-8:30 PM ET at the hall", "DATE",
     "Thursday, November 9, 2023, 7:00-8:30 PM ET"),
    ("logins on January 24 between 02:10 and 02:55 CST were his", "DATE",
     "January 24 between 02:10 and 02:55 CST"),
    ("祖母の裕美子が今日97歳になりました！", "AGE", "97"),
    ("Phone: (718) 555-0173    WeChat: mindy_chen_88", "URL", "mindy_chen_88"),
    ("pay me back on Cash App $luzg77 tonight", "URL", "$luzg77"),
    ("username: okafor.t (locked out again)", "URL", "okafor.t"),
    ("할머니께서 오늘 99세가 되셨어요!", "AGE", "99"),
    ("Bà nội hôm nay tròn 104 tuổi!", "AGE", "104"),
    ("Прабабушке Элеонора сегодня 101! 🎉", "AGE", "101"),
    ("head Vincent Wood, 99; also Jennifer (30).", "AGE", "99"),
    ("Referred to: North Star Ketamine Therapy, Attn: Dr. Ingrid Solberg", "ORGANIZATION",
     "North Star Ketamine Therapy"),
    ("Adjunct at Otis College of Art and Design since May.", "ORGANIZATION",
     "Otis College of Art and Design"),
    ("Letter from the Institute of Mental Health, Singapore", "ORGANIZATION", "Institute of Mental Health"),
    ("Sisters of Providence Hospice - Interdisciplinary Team", "ORGANIZATION", "Sisters of Providence Hospice"),
    ("To: Accounts, Riverbend KAP Collective <accounts@example.org>", "ORGANIZATION",
     "Riverbend KAP Collective"),
    ("Avon & Wiltshire Ketamine Service - Integration Note", "ORGANIZATION", "Avon & Wiltshire Ketamine Service"),
    ("my session at the Zentrum für Psychische Gesundheit Eppendorf is soon", "ORGANIZATION",
     "Zentrum für Psychische Gesundheit Eppendorf"),
    ("Her daughter attends the Grundschule am Kollwitzplatz.", "ORGANIZATION", "Grundschule am Kollwitzplatz"),
    ("AANMELDFORMULIER - Psychiatrie Praktijk Oosterpark", "ORGANIZATION", "Psychiatrie Praktijk Oosterpark"),
    ("We walked the Wildwood Trail at dusk.", "LOCATION", "Wildwood Trail"),
    ("I drove out to Bodega Bay alone.", "LOCATION", "Bodega Bay"),
    ("I keep driving to the Harlow Street Bridge at night.", "LOCATION", "Harlow Street Bridge"),
]

NEGATIVES = [
    "I hope the next session is gentler.",  # no match: hope as a verb
    "I will try again, and you may call it progress.",  # no match
    "Reported PHQ-9 of 14 and GAD-7 of 8.",  # no match: scales are not dates or phones
    "La consulta es sin fecha.",  # no match: no date
    "The K-hole felt like falling through a library.",  # no match
    "We talked about Spravato, ketamine and MDMA trials.",  # no match
    "IFS parts work and EMDR helped with the PTSD.",  # no match
    "Journal entry. Email and DOB fields were left blank.",  # no match: form words
    "She moved to Oregon from Texas in 2019.",  # no match: states and a bare year
    "Half the time, about 1/2 of the session, I cried.",  # no match: a fraction
    "We meet 3 days a week for 12 weeks.",  # no match: counts
    "She is 45 and feels ready.",  # no match: ages under 90 are not identifiers
    "La ficha de trabajo es útil. Das Dossier ist lang.",  # labels without a number
    "Her SV number is Y and her score was 12 of 27.",  # a lone letter is no number
    "I slept on Tuesday and felt better.",  # no match: a bare weekday
    "Call me when scores drop: 14 12 9 so far.",  # no match: short groups are scores
    "Phone calls were hard in 2019 2020 and 2021.",  # no match: years side by side
    "Call notes: session 3 of 6, SUDS 40 to 20.",  # no match: counts and ratings
    "We walked over the bridge and past the station.",  # no match: unnamed structures
    "We walked down Calle Mayor to the market.",  # no match: a street without a house number
    "We moved to 3 sessions a week after that.",  # no match: a count after a verb of moving
    "meet me @ 3pm or @4pm at the clinic",  # no match: "@" as "at" before a time
    "Therapist: Felt the session went well.",  # no match: a role needs a two-part name
    "she texted 1000000 times, then called 3 times",  # no match: counts after contact words
    "PHQ-9 went from 21/27 to 14/27; she weighs 23.5 now.",  # no match: scores, a weight
    "Step 1.2. Then do 3 rounds, la 2 fois, at 13.05 sharp.",  # no match: steps, counts, a time
    "Version 2024.1.5 installed; it's 90 minutes long.",  # no match: a version, a duration
    "ABCDE testing and scores 12 34 56 over three weeks",  # no match: no ID shape or label
    "We met at the courthouse and then the town hall.",  # no match: generic venues
    "AB testing showed nothing; the SA team agreed.",  # no match: legal forms need a name
    "City: unknown, town: not given",  # no match: a labelled place must be capitalised
    "Present: anxious, tearful; sleep poor.",  # no match: a mental-status roster
    "She parked the car 2 days ago in lot B2.",  # no match: plates need two digits, five signs
    "Monitor 3 times a week, the card ending was sad.",  # no match: no number after the label
    "PHQ-9 scores: 14 12 9 7 since intake.",  # no match: scores, not a labelled ID
    "She lives at home with 2 cats.",  # no match: no street after the verb
    "Address: see the chart, nothing new.",  # no match: a label without a house number
    "Session 4 notes\nWeek 2 review",  # no match: no postcode line below
    "I walked 3 km, then slept at home.",  # no match: no postcode after the comma
    "Join session 4 via Zoom on Friday.",  # no match: "via" is a street word, not here
    "She felt flat 2 days after the session.",  # no match: flat is a mood
    "In Spring 2024 the sessions started.",  # no match: "spring" is not a street ending
    "Note, 2019 Was the year she quit.",  # no match: a year is not a postcode
    "About 3 of us came, and Gate 12 was closed.",  # no match: counts and a gate
    "The 1990 BC exhibit moved her.",  # no match: a year and an era
    "Her PAN scan and SIN count were fine.",  # no match: labels without a number
    "Session notes, Tuesday 2024 Review: sleep better.",  # no match: a year before a word
    "Order 2 more journals, Ref 3 was lost.",  # no match: labels with short counts
    "The vehicle was parked and the board meeting ran late.",  # no match: labels, no number
    "We met at the park and looked at the dot on the map.",  # no match: "at" and "dot" as words
    "She was at work, then at home dot by dot.",  # no match: no address ending
    "Scores went 14. 12. 9. 8 over the month.",  # no match: scores, not an address
    "Teach grounding before the first medicine session.",  # no match: an ordinal before a noun
    "She vomited after the second device, then rested.",  # no match: an ordinal before a noun
    "Switched from IM to IV; the QT was normal, no marihuana since.",  # no match: routes, ECG
    "PHQ-9 over the course: 21 18 15 12 9, then 7.",  # no match: scores side by side
    "Hi team, a quick update. Hola doctora, gracias. Hey there: ok",  # no match: no name greeted
    "item,qty,price\nJournal,2,12.00\nPens,3,4.50",  # no match: no column names an identifier
    "measure,score,change\nGAD-7,9,-2\nPCL-5,31,-6",  # no match: scores in a table
    "name,role,notes\nnone,therapist,n/a",  # no match: cells that say nothing
    "Sleep, appetite, mood, energy\nfine, low, ok, tired",  # no match: a list, no header
    "We used Cognitive Behavioral Therapy; Family Medicine referred her.",  # no match: a method, a specialty
    "She tried Internal Family Systems Therapy and Psychedelic Therapy.",  # no match: methods
    "Employer: none at present. School: Not enrolled",  # no match: labels that name nothing
    "Internal Family Systems (\"IFS\") helps her.",  # no match: an acronym in quotes
    "The bus 12 was late, my car is OK now; reg 2 forms.",  # no match: no plate after the word
    "Ella tiene 100 pesos y ha 95 punti; a 95% chance at age 12.",  # no match: no age over 89
    "RN 2 hours later; the NP said 2024; PSY 101 class.",  # no match: a credential without a number
    "I went as far AS I could; we practice skills; the hotel was fine.",  # no match: forms and kinds as words
    "The CRM-SP reviewed 12 cases; reg. 2 forms; she lived to see 2024; es sind 90 Minuten geworden.",  # no match
    "We met en dos semanas, then one or two sessions, five to six people.",  # no match: no number
    "PHQ-9, PCL-5, ICD-10, DSM-5-TR, COVID-19, C-SSRS, SF-36 and GAD-7 in 2024.",  # no match: scale names, a year
    "Her 4-AcO-DMT and 5-MeO-DMT history; SARS-CoV-2 in FY-2023.",  # no match: compound names, a year
    "I-95 then NMDA, the PSY (CA) exam and PHQ9 AB12 in 2024.",  # no match: short codes, no number
    "She slept 3 h 30 most nights; uống 2 tháng 3 lần.",  # no match: a duration, months counted
    "Unit 3 covers grief; in block A, Plan B won, the os. thing was 5 m. wide.",  # no match: units as words
    "lowkey wanna kms tbh",  # no match: chat shorthand and crisis slang the guard must read
    "kms kms kms. not joking this time",  # no match: crisis slang
    "It cost $4500000 in all; see pages 1266-1277 and 2019-2024.",  # no match: price, ranges
    "Reach 1000000 steps this month; the flat was 23,170,000 won.",  # no match: count, amount
    "It started a month or 2 ago and I sat 2 hours with it.",  # no match: words that abbreviate months elsewhere
    "She was 45 in march of that year, at step 3 of 12.",  # no match: an age and a count before a month
    "We use cognitive behavioral therapy and the Crisis Service line.",  # no match: a kind of service
    "Die Psychiatrische Konsultation war gut.",  # no match: a German noun after an adjective
    "The Department of Psychiatry guidance says so.",  # no match: a department names no place
    "She scored 95 today, and 92 the week before.",  # no match: scores, not a birthday
    "She deleted the apps, signal too. Snap 3 times a day was a lot.",  # no match: apps, no account
    "the login page loads slowly and the username field is blank.",  # no match: labels, no name
    "Ten, twenty, thirty breaths; she counted at forty-two.",  # no match: counting by tens
    "Al final fuimos en mar abierto.",  # no match: "mar" abbreviates a month and is the sea
    "We met at the point where the trail ends, a dot on the map",  # no match: "at", "point" in prose
]


@pytest.mark.parametrize(("text", "kind", "value"), POSITIVES)
def test_when_identifier_in_text_then_it_is_scrubbed_with_its_type(found, text, kind, value):
    spans = found(text)
    covering = [(k, v) for k, v in spans if value in v]
    assert covering, f"{kind} not found; got {spans}"
    assert any(k == kind for k, _ in covering), f"wrong type: {covering}"


@pytest.mark.parametrize("text", NEGATIVES)
def test_when_clinical_or_plain_text_then_nothing_is_scrubbed(found, text):
    assert found(text) == []


def test_when_same_value_twice_then_both_mentions_are_found(found):
    spans = found("jess called. Later jess texted.")
    assert [v for _, v in spans] == ["jess", "jess"]


@pytest.mark.parametrize("text", ["Я живу на ул. 5 лет", "с 10 до 12 пер. 3", "총 2회으로 5", "قال شارع 5", "שלום 45"])
def test_a_street_word_of_another_script_without_a_street_is_no_address(text):
    assert StreetAddressRecognizer().analyze(normalize(text).text, ["ADDRESS"]) == []


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Practice numbers: N. Mahlangu PR 0864123; T. Govender PR 0871054.", ["PR 0864123", "PR 0871054"]),
        ("file KAP-ON-0457, then TLV-K-0773 and KP-0412-TK", ["KAP-ON-0457", "TLV-K-0773", "KP-0412-TK"]),
        ("PHQ-9, ICD-10, DSM-5-TR, 5-HT2A, COVID-19, Q3-2024, SF-36, C-SSRS", []),
        ("ID 4471203, NO 1234567, TEL 0612345678, room B-214, SARS-CoV-2, 4-AcO-DMT", []),
        ("the CMS-1500 and ISO-9001 forms; ECG-0473 and VA-44718 on file", ["ECG-0473", "VA-44718"]),
    ],
)
def test_coded_ids_are_capitals_with_a_run_of_digits_that_is_no_year(text, codes):
    found = CodedIdRecognizer().analyze(text, ["ID"])
    assert [text[r.start : r.end] for r in found] == codes
