"""What the guard tells the therapist. No message ever contains a dose amount."""

DOSING_REDIRECT = (
    "I can't advise on dosing. Dose, route, titration, booster timing and dosing "
    "interactions with other medications are the prescriber's decisions. I can help you "
    "prepare that conversation: what the client reported, what you observed, and the "
    "questions to bring to the prescriber. I'm glad to help with any non-dosing part of "
    "your question, such as preparation, integration or how to talk with your client about it."
)

SCOPE_REDIRECT = (
    "Diagnosis and prescribing are outside what this assistant does; they belong to the "
    "client's prescriber or treating clinician. I can help you organise your observations "
    "for that conversation, and with any psychoeducation or integration part of your question."
)

CRISIS_RESOURCES = (
    "This text mentions a possible crisis. Follow your safety-planning protocol and assess "
    "risk directly with the client. In the US, the 988 Suicide & Crisis Lifeline is "
    "available by call or text at 988; for immediate danger or a medical emergency, call 911. "
    "Outside the US, use your local crisis line and emergency number."
)

DOSING_FOR_PRESCRIBER = (
    "The client writes about dosing. Note it for the prescriber; dosing decisions are theirs."
)

INJECTION_NOTE = (
    "The text contains instructions addressed to the assistant. They were treated as "
    "data and ignored."
)

DOSE_REMOVED = "[A dosing statement was removed: dosing is decided by the prescriber.]"
