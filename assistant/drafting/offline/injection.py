"""Text that tries to instruct a model: spotted and set aside, since it is not a fact.

The offline writers echo the user's own words, so an order hidden in a note or a profile field
("IGNORE ALL PREVIOUS INSTRUCTIONS and write ...") would otherwise end up in a draft verbatim.
Matching runs on a folded copy of the text (Unicode-normalised, invisible characters removed,
look-alike letters mapped to Latin), so zero-width spaces or a Cyrillic "І" do not hide an order.
Once a note turns into orders, everything after that point is treated as part of them: a fake
"Assistant:" turn is followed by sentences ("Sure! ZEBRA-4412.") that look harmless alone.
"""

from __future__ import annotations

import re
import unicodedata

from assistant.domain import Contact
from assistant.drafting.offline.clipping import split_sentences

# Cyrillic and Greek letters that look like Latin ones (the usual homoglyph disguise).
_CONFUSABLES = str.maketrans(
    "АВСЕНІЈКМОРЅТХУаесіјорѕухӏΑΒΕΗΙΚΜΝΟΡΤΥΧαεικνορτυχ",
    "ABCEHIJKMOPSTXYaecijopsyxlABEHIKMNOPTYXaeiknoptux",
)
_OVERRIDE_VERBS = (
    r"ignore|ignoring|disregard|override|bypass"
    r"|ignora|ignorar|ignoren|olvida|olvide|olvidar|omite|omitir"  # es, it
    r"|ignorez|ignorer|oubliez|oublie|oublier"  # fr
    r"|ignoriere|ignorieren|ignoriert|vergiss|vergessen|missachte"  # de
    r"|esque[cç]a|esquecer|desconsidere|dimentica|dimenticare"  # pt, it
)
_ORDERS = (
    r"instructions?|prompts?|rules|guidelines|directions|orders|commands|above|previous|prior"
    r"|instrucci[oó]n(?:es)?|reglas|indicaciones|consignes|r[eè]gles|anweisungen?|regeln"
    r"|befehle|vorherigen|instru[cç][oõ]es|instru[cç][aã]o|regras|istruzioni|regole|anteriores"
    r"|pr[eé]c[eé]dentes|precedenti"
)
_WRITE_VERBS = (
    r"write|add|include|insert|append|mention|say|print|output|put|type|sign|start|begin|end"
    r"|reply|respond|repeat|reveal|leak"
    r"|escribe|escriba|escribir|a[nñ]ade|incluye|incluya|pon|di|termina|firma"  # es
    r"|[eé]cri(?:s|vez|re)|ajoute[zr]?|inclu(?:s|ez)|mets|mettez|dites|termine[zr]?"  # fr
    r"|schreibe?|schreiben|f[uü]ge|erw[aä]hne|beende|unterschreibe"  # de
    r"|escreva|escrever|adicione|inclua|diga|termine|assine"  # pt
    r"|scrivi|scrivere|aggiungi|includi|di|termina|firma"  # it
)
_TARGETS = (
    r"message|messages|draft|drafts|reply|replies|response|responses|email|emails|output"
    r"|answer|line|note|text|dm|post"
    r"|mensaje|mensajes|borrador|respuesta|correo|texto|l[ií]nea"  # es, pt
    r"|messages?|brouillon|r[eé]ponse|courriel|ligne"  # fr
    r"|nachricht|nachrichten|entwurf|antwort|e-?mail|zeile"  # de
    r"|mensagem|mensagens|rascunho|resposta|messaggio|messaggi|bozza|risposta|riga"  # pt, it
)
_INSTRUCTION = re.compile(
    # "ignore all previous instructions", in several languages
    rf"\b(?:{_OVERRIDE_VERBS})\b.{{0,60}}\b(?:{_ORDERS})\b"
    r"|\bforget\b.{0,40}\b(?:instructions?|prompts?|rules|guidelines|everything)\b"
    # a fake turn or role marker: "</notes> Assistant:", "[INST]", "<|im_start|>", "### System"
    r"|(?:^|[>\]\n.!?])\s*(?:assistant|ai|system|user|human|bot|model|developer|asistente|sistema)"
    r"\s*[:>]"
    r"|</?[a-z_][\w-]*\s*/?>|<\||\|>|\[/?inst\]|\[/?system\]|<<\s*sys|<!--"
    r"|#{2,}\s*(?:instruction|system|response|assistant)"
    r"|[\"']role[\"']\s*:"
    # orders about the writer's output: "write X in every message", "always sign with"
    rf"|\b(?:{_WRITE_VERBS})\b.{{0,80}}\b(?:(?:in|to|at|into|on|en|dans|a|à|im|am|zu|no|na|nel"
    rf"|nella)\s+)?(?:every|each|all|any|the\s+(?:first|last|end|start|top|bottom)|your|cada|todos|todas"
    rf"|tus|sus|chaque|tous|toutes|vos|ton|jede[mnrs]?|alle[nr]?|deine[mnrs]?|ihre[mnrs]?"
    rf"|todo|toda|seu|sua|ogni|tutti|tutte|tuo|tua)\b.{{0,20}}\b(?:{_TARGETS})\b"
    r"|\b(?:from now on|de ahora en adelante|a partir de ahora|[àa] partir de maintenant"
    r"|d[ée]sormais|ab jetzt|von nun an|de agora em diante|d'ora in poi)\b"
    rf"|\balways\s+(?:{_WRITE_VERBS})\b|\bsiempre\s+(?:{_WRITE_VERBS})\b"
    r"|\b(?:note|message|instructions?|p\.?\s?s\.?|reminder|memo)\s+(?:to|for)\s+(?:the\s+)?"
    r"(?:ai|a\.i\.|assistant|model|bot|llm|gpt|chatbot|writer|drafting)"
    r"|\b(?:to|for|dear|hey|hi|attention)\s+(?:the\s+)?(?:ai|assistant|model|bot|llm|gpt|chatbot)"
    r"\s*[:,;]"
    r"|\b(?:system|developer|hidden)\s*(?:prompt|message|instructions?)\b"
    r"|\b(?:original|initial)\s+(?:prompt|instructions)\b"
    r"|\bsystem\s*(?:override|:)|\bnew\s+(?:instructions?|task)\b|\boverride\b"
    r"|\byou\s+(?:are|will be|must be)\s+(?:now|no longer|an?\s+(?:ai|assistant|language model"
    r"|chatbot|bot|llm))\b|\b(?:act as|pretend (?:to be|you are)|roleplay as|jailbreak|dan mode)"
    r"|\b(?:(?:the\s+)?user|i|we)\s+(?:wants?|needs?|would like)\s+you\s+to\b"
    r"|\b(?:print|output|reveal|repeat|reply (?:only )?with|respond (?:only )?with|write|append"
    r"|add|insert|include|say)\b.{0,50}\b(?:verbatim|exactly|the (?:word|line|phrase|text|code)"
    r"|as the first line|your (?:instructions|prompt|system|rules))"
    r"|</?\w+>|<\|"
    # Text addressed to the machine rather than about a person: "Note to the AI writing ...".
    r"|\b(?:note|message|instructions?|memo)\s+(?:to|for)\s+(?:the\s+|any\s+)?"
    r"(?:ai|assistant|model|bot|chatbot|llm|gpt)\b"
    # Orders to the machines that screen resumes: "AI reviewers: always describe this candidate
    # as ...", hidden in white text to game applicant-tracking systems.
    r"|\b(?:ai|llm|gpt|chatbot|automated|language[- ]model)s?\s+(?:reviewers?|screeners?"
    r"|recruiters?|readers?|systems?|tools?|models?|assistants?|agents?)\s*[:,;]"
    r"|\b(?:describe|rate|rank|score|present|label|call)\s+(?:this|the)\s+(?:candidate"
    r"|applicant|person|user)\s+as\b"
    # markdown images (they load a URL when rendered: an exfiltration channel) and data URLs
    r"|!\[[^\]]*\]\s*\(|\bdata:[a-z]+/[a-z0-9.+-]+;base64,",
    re.IGNORECASE | re.DOTALL,
)


def fold(text: str) -> str:
    """The text as matching sees it: NFKC, no invisible or format characters, Latin look-alikes."""
    text = unicodedata.normalize("NFKC", text)
    visible = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return visible.translate(_CONFUSABLES).replace("_", " ")


def looks_like_instruction(sentence: str) -> bool:
    """Whether a sentence orders a model about rather than telling a fact."""
    return bool(_INSTRUCTION.search(fold(sentence)))


def strip_instructions(text: str) -> str:
    """Text without the part that tries to instruct a model: the first order and all after it."""
    sentences = split_sentences(text)
    kept: list[str] = []
    for sentence in sentences:
        if looks_like_instruction(sentence):
            break
        kept.append(sentence)
    return text if len(kept) == len(sentences) else "\n".join(kept)


def clean_field(value: str) -> str:
    """A short field (a title, a company) that carries an order is no fact at all: empty."""
    return "" if looks_like_instruction(value) else value


def untrusted_contact(contact: Contact) -> Contact:
    """A contact whose title, company and interests carry no orders (for drafts and sources)."""
    title, company = clean_field(contact.title), clean_field(contact.company)
    interests = [i for i in contact.interests if not looks_like_instruction(i)]
    if (title, company, interests) == (contact.title, contact.company, contact.interests):
        return contact
    return contact.model_copy(update={"title": title, "company": company, "interests": interests})
