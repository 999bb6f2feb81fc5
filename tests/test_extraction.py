"""Context extraction: realistic threads give the right fields, and nothing is guessed."""

from __future__ import annotations

import datetime as dt

import pytest

from gracious.extraction import extract_context
from gracious.models import Thread

SAM = {"name": "Sam Lee", "email": "sam.lee@gmail.com"}

RECRUITER_EMAIL = {
    "subject": "Interview for Senior Data Analyst at Northwind Traders",
    "text": (
        "Hi Sam,\n\n"
        "Thank you for your time on the phone last week. We'd love to invite you to a "
        "second interview with the analytics team on Tuesday, March 3 over Zoom.\n\n"
        "Join Zoom Meeting\nhttps://northwind.zoom.us/j/8812345\n"
        "Dial by your location: +1 646 558 8656\n\n"
        "Best,\n"
        "Priya Raman\n"
        "Senior Recruiter | Northwind Traders\n"
        "+1 555 0100 | northwind-traders.com\n"
    ),
    "from": {"name": "Priya Raman", "email": "priya.raman@northwind-traders.com"},
    "to": [SAM],
}

CALENDAR_INVITE = {
    "subject": "Invitation: Product Designer Interview @ Thu 12 Mar 2026 14:00 - 15:00 (GMT)",
    "text": (
        "Product Designer Interview\n"
        "Thursday 12 March 2026 ⋅ 14:00 – 15:00\n"
        "Time zone: Europe/London\n"
        "Google Meet joining info\n"
        "Video call link: https://meet.google.com/abc-defg-hij\n"
        "Or dial: (GB) +44 20 3937 0000 PIN: 123 456#\n\n"
        "Organiser\nhelena.okafor@brightwave-labs.co.uk\n"
        "Guests\nhelena.okafor@brightwave-labs.co.uk - organiser\nsam.lee@gmail.com\n\n"
        "Invitation from Google Calendar\n"
    ),
    "from": {"name": "Google Calendar", "email": "calendar-notification@google.com"},
    "to": [SAM],
}

LINKEDIN_MESSAGE = {
    "text": (
        "Hi Sam, it was great chatting today about the Staff Platform Engineer role! "
        "As promised, the team will come back to you by Friday.\n"
        "Thanks again,\nMarco"
    ),
    "from": {"name": "Marco Bianchi"},
    "headline": "Technical Recruiter at Quantix Systems | Hiring engineers in Milan",
    "to": [{"name": "Sam Lee"}],
}

SIGNATURE_ONLY = {
    "text": (
        "Dear Sam,\n\nThank you for visiting our office yesterday; the panel enjoyed meeting "
        "you in person.\n\nKind regards,\n"
        "Dr. Helena Okafor\nHead of Engineering\nBrightwave Labs\nLondon EC1 4AB\n"
    ),
    "to": [SAM],
}


def extract(thread: dict):
    """Run extraction on a thread given as JSON."""
    return extract_context(Thread.model_validate(thread))


def test_recruiter_email_gives_every_field():
    fields = extract(RECRUITER_EMAIL)
    assert fields.recipient.name == "Priya Raman"
    assert fields.company == "Northwind Traders"
    assert fields.role == "Senior Data Analyst"
    assert fields.interview.date == dt.date(2026, 3, 3)
    assert fields.interview.format == "video"
    assert fields.extracted == ["recipient", "company", "role", "interview"]


def test_calendar_invite_finds_the_organiser_company_not_the_calendar():
    fields = extract(CALENDAR_INVITE)
    assert fields.recipient is None
    assert fields.company == "Brightwave Labs"
    assert fields.role == "Product Designer"
    assert fields.interview.date == dt.date(2026, 3, 12)
    assert fields.interview.format == "video"
    assert "recipient" not in fields.extracted


def test_linkedin_message_uses_the_headline_for_the_company():
    fields = extract(LINKEDIN_MESSAGE)
    assert fields.recipient.name == "Marco Bianchi"
    assert fields.company == "Quantix Systems"
    assert fields.role == "Staff Platform Engineer"
    assert fields.interview is None


def test_signature_block_names_the_recipient_and_company():
    fields = extract(SIGNATURE_ONLY)
    assert fields.recipient.name == "Dr. Helena Okafor"
    assert fields.company == "Brightwave Labs"
    assert fields.interview.format == "onsite"
    assert fields.interview.date is None


def test_the_users_own_signature_is_not_the_recipient():
    thread = {
        "text": "Hi Priya,\n\nThanks so much for today.\n\nBest,\nSam Lee\n",
        "to": [{"name": "Sam Lee", "email": "sam@example.org"}],
    }
    assert extract(thread).recipient is None


@pytest.mark.parametrize(
    ("email", "company"),
    [
        ("jane@northwind-traders.com", "Northwind Traders"),
        ("hr@mail.acme.co.uk", "Acme"),
        ("talent@jobs.globex.com.au", "Globex"),
        ("recruiting@ibm.com", "IBM"),
        ("jane@gmail.com", None),
        ("jane@outlook.com", None),
        ("jane@hotmail.co.uk", None),
        ("jane@yahoo.com", None),
        ("jane@icloud.com", None),
        ("jane@proton.me", None),
        ("no-reply@greenhouse.io", None),
        ("jane@localhost", None),
        ("not an address", None),
    ],
)
def test_company_from_the_email_domain_never_webmail(email, company):
    fields = extract({"from": {"name": "Jane Doe", "email": email}, "text": "Hi Sam"})
    assert fields.company == company


def test_domain_takes_the_spelling_used_in_the_thread():
    thread = {
        "subject": "Next steps",
        "text": "Everyone at Northwind Traders enjoyed meeting you.",
        "from": {"name": "Jane Doe", "email": "jane@northwindtraders.com"},
    }
    assert extract(thread).company == "Northwind Traders"


@pytest.mark.parametrize(
    ("subject", "company"),
    [
        ("Your interview at Acme Robotics on Tuesday", "Acme Robotics"),
        ("Lunch at 12:30?", None),
        ("Interview at noon", None),
    ],
)
def test_company_from_at_in_the_subject(subject, company):
    assert extract({"subject": subject}).company == company


@pytest.mark.parametrize(
    ("subject", "role"),
    [
        ("Interview for Senior Data Analyst", "Senior Data Analyst"),
        ("Your interview for the Product Designer role", "Product Designer"),
        ("Re: Senior Data Analyst Interview - Northwind", "Senior Data Analyst"),
        ("Interview: Head of Data", "Head of Data"),
        ("Product Manager Interview", "Product Manager"),
        ("Final Round Interview", None),
        ("Thanks for the Interview", None),
        ("Phone Interview confirmed", None),
        ("Catch-up", None),
    ],
)
def test_role_from_the_subject(subject, role):
    assert extract({"subject": subject}).role == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("We loved meeting you for the Product Designer position.", "Product Designer"),
        ("You are interviewing for the Head of Growth role next week.", "Head of Growth"),
        ("It was a Great Interview!", None),
        ("Thanks for the interview about the role.", None),
    ],
)
def test_role_from_the_message(text, role):
    assert extract({"text": text}).role == role


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Your interview is confirmed for 2026-03-03 at 10:00.", dt.date(2026, 3, 3)),
        ("Our call is on March 3, 2026 at 2pm.", dt.date(2026, 3, 3)),
        ("Our call is on Tuesday, March 3.", dt.date(2026, 3, 3)),
        ("Interview: Tuesday 3rd March", dt.date(2026, 3, 3)),
        ("We will meet on 3 March 2026.", dt.date(2026, 3, 3)),
        ("Speak on Friday, 13 March 2026!", dt.date(2026, 3, 13)),
        # a year from elsewhere in the thread fixes a bare day and month
        ("Sent 1 February 2026.\nInterview: 3 March.", dt.date(2026, 3, 3)),
        # no year and no weekday: the weekday would be a guess
        ("The interview is on 3 March.", None),
        # the weekday contradicts the date
        ("Interview on Monday, March 3, 2026", None),
        ("Interview on February 30, 2026", None),
        ("Deadline 1 April 2026, start 1 June 2026.", None),
        # a year or a month glued to another word is part of that word
        ("Sent 1 February ref2026.\nInterview: 3 March.", None),
        ("Your interview is confirmed for x2026-03-03.", None),
        ("Our call is on Tuesday, 3 remarch 2026.", None),
    ],
)
def test_interview_date(text, date):
    interview = extract({"text": text}).interview
    assert (interview.date if interview else None) == date


@pytest.mark.parametrize(
    ("text", "interview_format"),
    [
        ("Join the Microsoft Teams meeting below.", "video"),
        ("Join Zoom Meeting https://zoom.us/j/1 or dial by phone +1 555", "video"),
        ("I'll give you a phone call at 10am.", "phone"),
        ("We'll meet in person at our office on Main Street.", "onsite"),
        ("Please check in at reception.", "onsite"),
        ("Zoom or in person, your choice.", None),
        ("Looking forward to it.", None),
    ],
)
def test_interview_format(text, interview_format):
    interview = extract({"text": text}).interview
    assert (interview.format if interview else None) == interview_format


@pytest.mark.parametrize(
    ("sender", "name"),
    [
        ({"name": "Priya Raman"}, "Priya Raman"),
        ({"name": "Raman, Priya"}, "Priya Raman"),
        ({"name": "Zoë O'Brien"}, "Zoë O'Brien"),
        ({"name": "Ludwig van Beethoven"}, "Ludwig van Beethoven"),
        ({"name": "Priya Raman (she/her)"}, "Priya Raman"),
        ({"name": "Priya Raman | Hiring for Data roles"}, "Priya Raman"),
        ({"name": "Northwind Careers", "email": "careers@northwind.com"}, None),
        ({"name": "Talent Team"}, None),
        ({"name": "noreply"}, None),
        ({"email": "priya.raman@northwind.com"}, "Priya Raman"),
        ({"email": "recruiting@northwind.com"}, None),
    ],
)
def test_recipient_is_a_person_or_nothing(sender, name):
    fields = extract({"from": sender})
    assert (fields.recipient.name if fields.recipient else None) == name


def test_friendly_unrelated_thread_gives_only_the_person():
    thread = {
        "subject": "Lunch on Friday?",
        "text": "Hey! Are you free for lunch on Friday? Cheers,\nAlex",
        "from": {"name": "Alex Kim", "email": "alex.kim@gmail.com"},
        "to": [SAM],
    }
    fields = extract(thread)
    assert fields.extracted == ["recipient"]
    assert (fields.company, fields.role, fields.interview) == (None, None, None)


def test_the_same_thread_twice_gives_equal_but_separate_fields():
    first = extract(RECRUITER_EMAIL)
    first.recipient.name = "Someone Else"
    first.extracted.append("reason")
    second = extract(RECRUITER_EMAIL)
    assert second.recipient.name == "Priya Raman"
    assert second.extracted == ["recipient", "company", "role", "interview"]


def test_empty_thread_finds_nothing():
    fields = extract({})
    assert fields.extracted == []
    assert fields.recipient is None and fields.company is None


def test_outlook_reply_chain_ignores_the_dates_emails_were_sent():
    thread = {
        "subject": "RE: Next steps - Data Engineer",
        "text": (
            "Hi Sam,\n\nThanks for confirming. See you then!\n\nBest regards,\n"
            "Jordan Ellis\nTalent Partner | Contoso Pharmaceuticals\n\n"
            "From: Sam Lee <sam.lee@gmail.com>\nSent: Monday, March 2, 2026 9:14 AM\n"
            "To: Jordan Ellis <jordan.ellis@contoso-pharma.com>\nSubject: Next steps\n\n"
            "Hi Jordan, that works for me.\n\n"
            "On Fri, Feb 27, 2026 at 4:02 PM Jordan Ellis wrote:\n"
            "> Could you come to our office on Thursday, March 5, 2026 at 2pm for the panel?"
        ),
        "from": {"name": "Jordan Ellis", "email": "jordan.ellis@contoso-pharma.com"},
        "to": [SAM],
    }
    fields = extract(thread)
    assert fields.recipient.name == "Jordan Ellis"
    assert fields.company == "Contoso Pharmaceuticals"
    assert fields.interview.date == dt.date(2026, 3, 5)
    assert fields.interview.format == "onsite"


def test_a_date_that_only_dates_the_email_is_not_the_interview():
    text = "Sent: Monday, March 2, 2026 9:14 AM\nThanks for your time, it was lovely."
    assert extract({"text": text}).interview is None


def test_quoted_reply_still_yields_the_recruiters_signature():
    thread = {
        "text": "Thanks Priya, see you then!\n\nOn Mon, Priya wrote:\n> Hi Sam,\n> "
        "Looking forward to it.\n> Best regards,\n> Priya Raman\n> Talent Partner, Acme Robotics",
        "to": [SAM],
    }
    fields = extract(thread)
    assert fields.recipient.name == "Priya Raman"
    assert fields.company == "Acme Robotics"


def test_preparing_extraction_loads_the_suffix_list_once():
    from gracious.extraction import _domains, prepare_extraction

    _domains.cache_clear()
    prepare_extraction()
    assert _domains.cache_info().currsize == 1
    thread = Thread(**{"from": {"name": "Jane Doe", "email": "jane@mail.northwind-traders.co.uk"}})
    assert extract_context(thread).company == "Northwind Traders"
    assert _domains.cache_info().misses == 1


@pytest.mark.parametrize(
    ("subject", "role"),
    [
        ("Staff Engineer role at Acme", "Staff Engineer"),
        ("Re: Product Designer position", "Product Designer"),
        ("Senior Data Analyst opening at Northwind Traders", "Senior Data Analyst"),
        ("Open role: what happens next", None),
        ("New position", None),
    ],
)
def test_a_subject_that_opens_with_the_role_names_it(subject, role):
    thread = Thread(subject=subject, text="Hi Sam, thanks for your time.")
    assert extract_context(thread).role == role


def test_each_extracted_field_says_where_it_was_read():
    fields = extract(RECRUITER_EMAIL)
    assert fields.sources == {
        "recipient": "display-name",
        "company": "signature",
        "role": "subject",
        "interview.date": "body",
        "interview.format": "body",
    }


@pytest.mark.parametrize(
    ("sender", "name"),
    [
        ({"name": "PARK, JORDAN"}, "Jordan Park"),
        ({"name": "JORDAN PARK"}, "Jordan Park"),
        ({"name": "VAN DIJK, SANNE"}, "Sanne van Dijk"),
        ({"name": "Dr. Helena Okafor"}, "Dr. Helena Okafor"),
        ({"name": "Kite Systems", "email": "no-reply@hire.lever.co"}, None),
        ({"name": "Calendly", "email": "notifications@calendly.com"}, None),
        ({"name": "Workday", "email": "acme@myworkday.com"}, None),
    ],
)
def test_names_are_written_as_people_write_them_and_services_never_greeted(sender, name):
    fields = extract({"from": sender})
    assert (fields.recipient.name if fields.recipient else None) == name


def test_a_formal_title_is_kept_for_the_greeting():
    fields = extract({"from": {"name": "Prof. Alan Whitmore"}})
    assert fields.recipient.title == "Prof."


def test_the_users_own_name_is_never_the_recipient_company_or_role():
    thread = Thread.model_validate({
        "subject": "Interview: Jordan Park / Data Engineer",
        "text": "Hi,\n\nSee you then.\n\nBest,\nJordan Park",
        "from": {"name": "Jordan Park", "email": "jordan.park@gmail.com"},
    })
    fields = extract_context(thread, "Jordan Park")
    assert fields.recipient is None
    assert fields.role == "Data Engineer"
    assert fields.company is None


@pytest.mark.parametrize(
    ("email", "company"),
    [
        ("acme@myworkday.com", None),
        ("x@hire.lever.co", None),
        ("oliver@michaelpage.co.uk", None),
    ],
)
def test_services_and_agencies_are_never_the_employer(email, company):
    fields = extract({"from": {"name": "Oliver Grant", "email": email}, "text": "Hi Sam"})
    assert fields.company == company


def test_a_relative_date_needs_the_message_date():
    text = "Our interview is tomorrow at 2pm."
    assert extract({"text": text}).interview is None
    dated = extract({"text": text, "date": "2026-03-02"})
    assert dated.interview.date == dt.date(2026, 3, 3)


def test_the_api_reports_where_each_field_came_from(client):
    thread = {
        "subject": "Interview for Senior Data Analyst",
        "text": "Hi Sam, thanks for your time today.\n\nBest,\nPriya Raman\nRecruiter | Northwind",
        "from": {"name": "Priya Raman", "email": "priya@northwind-traders.com"},
    }
    extracted = client.post("/api/v1/extract", json={"thread": thread, "sender": {"name": "Sam"}})
    assert extracted.status_code == 200
    assert extracted.get_json()["fields"]["sources"] == {
        "recipient": "display-name", "company": "signature", "role": "subject"}
    # a field the request gives is not the thread's, so it has no source
    draft = client.post("/api/v1/drafts", json={"thread": thread, "company": "Northwind Ltd"})
    assert draft.status_code == 200
    assert draft.get_json()["fields"]["sources"] == {"recipient": "display-name", "role": "subject"}
