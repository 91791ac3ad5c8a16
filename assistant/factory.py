"""Build the assistant once from settings; the CLI, the UI and the evals all use this."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.config import BUNDLED_MINILM, Settings
from assistant.embeddings import Embedder, build_embedder
from assistant.generation.backends import ChatBackend, LlamaCppBackend, OpenAICompatibleBackend
from assistant.generation.grounded import GroundedAnswerer
from assistant.generation.llm import LLMAnswerer, LLMPlanWriter, LLMSummaryWriter
from assistant.generation.prompts import load_prompt
from assistant.generation.protocol import Answerer
from assistant.generation.verify import OutputVerifier
from assistant.guard import build_guard
from assistant.guard.guard import Guard
from assistant.kb.approval import ApprovedDocuments
from assistant.kb.retriever import Filters, HybridRetriever, RetrievalParams
from assistant.kb.scope import ScopeModel
from assistant.kb.store import open_store
from assistant.models import Answer, JournalEntry, JournalSummary, Passage, SessionPlan
from assistant.privacy.scrubber import PresidioScrubber, Scrubber
from assistant.privacy.vault import Vault
from assistant.workflows.ask import AskWorkflow
from assistant.workflows.mood import MoodScorer
from assistant.workflows.plan import PlanWorkflow
from assistant.workflows.plan_template import load_plan_template
from assistant.workflows.summarize import SummarizeWorkflow
from assistant.workflows.themes import ThemeMatcher, load_taxonomy


def retrieval_params(settings: Settings) -> RetrievalParams:
    return RetrievalParams(
        k=settings.retrieval_k,
        candidates=settings.retrieval_candidates,
        rrf_k=settings.rrf_k,
        relevance_floor=settings.relevance_floor,
        max_chunks_per_doc=settings.max_chunks_per_doc,
    )


@dataclass
class Assistant:
    """The finished parts of the flow, built once and shared."""

    settings: Settings
    embedder: Embedder
    scrubber: Scrubber
    guard: Guard
    retriever: HybridRetriever
    asker: AskWorkflow
    summarizer: SummarizeWorkflow
    planner: PlanWorkflow

    @property
    def answerer(self) -> Answerer:
        return self.asker.answerer

    def retrieve(self, text: str, k: int | None = None, filters: Filters | None = None) -> list[Passage]:
        """Retrieval alone (for `kap retrieve` and the evals): the text is scrubbed first."""
        scrubbed = self.scrubber.scrub(text, Vault()).text
        return self.retriever.retrieve(scrubbed, k=k, filters=filters)

    def ask(self, question: str, vault: Vault, k: int | None = None, filters: Filters | None = None) -> Answer:
        return self.asker.run(question, vault, k=k, filters=filters)

    def summarize(self, entries: list[JournalEntry], vault: Vault) -> JournalSummary:
        return self.summarizer.run(entries, vault)

    def plan(
        self,
        entries: list[JournalEntry],
        vault: Vault,
        session: int | None = None,
        focus: str | None = None,
        minutes: int = 50,
        summary: JournalSummary | None = None,
    ) -> SessionPlan:
        """A draft plan; pass the summary if you already have one, to skip re-summarizing."""
        summary = summary or self.summarize(entries, vault)
        return self.planner.run(summary, vault, session=session, focus=focus, minutes=minutes)


def scope_model(settings: Settings) -> ScopeModel | None:
    """The learned scope model, trained over the bundled MiniLM's vectors; over another
    embedding model the retriever falls back to the relevance floor."""
    if settings.embedding_model != BUNDLED_MINILM:
        return None
    return ScopeModel.load(settings.embedding_model)


def build_retriever(
    settings: Settings, embedder: Embedder, scope: ScopeModel | None
) -> HybridRetriever:
    """The retriever over the configured store; a missing knowledge folder stops it here."""
    approved_ids = ApprovedDocuments(settings.knowledge_dir)
    approved_ids()
    return HybridRetriever(
        open_store(settings), embedder, retrieval_params(settings), approved_ids=approved_ids,
        scope=scope,
    )


def build_assistant(settings: Settings, embedder: Embedder | None = None) -> Assistant:
    """Cheap to call: models load lazily on first use."""
    embedder = embedder or build_embedder(settings)
    retriever = build_retriever(settings, embedder, scope_model(settings))
    scrubber = PresidioScrubber(settings)
    guard = build_guard(settings, embedder)
    taxonomy = load_taxonomy(settings.prompts_dir / "themes.yaml")
    grounded = GroundedAnswerer(embedder, max_sentences=settings.answer_sentences)
    answerer, summary_writer, plan_writer = grounded, None, None
    backend = build_backend(settings)
    if backend is not None:
        verifier = OutputVerifier(guard, scrubber)
        prompts = settings.prompts_dir
        answerer = LLMAnswerer(
            backend, load_prompt(prompts, "ask"), verifier, grounded, settings.answer_sentences
        )
        summary_writer = LLMSummaryWriter(backend, load_prompt(prompts, "summary"), verifier)
        plan_writer = LLMPlanWriter(backend, load_prompt(prompts, "plan_llm"), verifier, retriever)
    return Assistant(
        settings=settings,
        embedder=embedder,
        scrubber=scrubber,
        guard=guard,
        retriever=retriever,
        asker=AskWorkflow(scrubber, guard, retriever, answerer),
        summarizer=SummarizeWorkflow(
            scrubber, guard, embedder, ThemeMatcher(taxonomy, embedder), MoodScorer(), retriever,
            summary_writer,
        ),
        planner=PlanWorkflow(
            scrubber, guard, retriever, embedder, taxonomy,
            load_plan_template(settings.prompts_dir / "plan.yaml"), plan_writer,
        ),
    )


def build_backend(settings: Settings) -> ChatBackend | None:
    """The configured chat model, or None for the grounded (no-LLM) default."""
    if settings.generator == "openai":
        return OpenAICompatibleBackend(
            settings.llm_base_url, settings.llm_model, settings.llm_api_key.get_secret_value(),
            settings.llm_timeout, settings.llm_max_tokens,
        )
    if settings.generator == "llamacpp":
        return LlamaCppBackend(settings.llm_model_path, settings.llm_max_tokens)
    return None
