import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { DeleteForm } from "@/components/editor/delete-form";
import { EditorMessages } from "@/components/editor/editor-messages";
import { PageHeading } from "@/components/editor/page-heading";
import { MoveQuestionForm } from "@/components/questions-editor/move-question-form";
import { QuestionForm } from "@/components/questions-editor/question-form";
import { requireOrganisationPage } from "@/lib/auth/page-access";
import { ORGANISE } from "@/lib/auth/roles";
import { getEditableConference } from "@/lib/conferences/admin-queries";
import { deleteQuestionAction } from "@/lib/questions/actions";
import { answerCounts, questionFormValues, questionsOfConference } from "@/lib/questions/queries";
import { CONDITION_TYPES, type Question } from "@/lib/questions/schema";
import { dashboardMetadata } from "../../../../../dashboard-metadata";

type Props = PageProps<"/[locale]/beheer/[organisation]/conferenties/[conference]/vragen">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "conferenceEditor.questions" });
  return dashboardMetadata(locale, t("title"));
}

const EMPTY = { type: "SHORT_TEXT", required: "", labelNl: "", labelEn: "", helpNl: "", helpEn: "", options: "", condition: "" };

export default async function QuestionsPage({ params }: Props) {
  const { locale, organisation: slug, conference: conferenceId } = (await params) as { locale: Locale; organisation: string; conference: string };
  setRequestLocale(locale);
  const base = `/beheer/${slug}/conferenties/${conferenceId}`;
  const access = await requireOrganisationPage(locale, slug, ORGANISE, `${base}/vragen`);
  const conference = await getEditableConference(access.organisation.id, conferenceId);
  if (!conference) notFound();
  const [questions, counts, t] = await Promise.all([questionsOfConference(conference.id), answerCounts(conference.id), getTranslations("conferenceEditor.questions")]);

  const answerWords = (question: Question, value: string) =>
    question.type === "YES_NO" ? (value === "yes" ? t("yes") : t("no")) : (question.options.find((o) => o.id === value)?.[locale] ?? value);
  // What a question at `position` can wait for: an earlier choice or yes/no question without a condition of its own.
  const conditionsFor = (position: number, self: Question | null) => {
    const always = { value: "", label: t("fields.conditionAlways") };
    if (self && questions.some((q) => q.condition?.questionId === self.id)) return [always];
    const earlier = questions.slice(0, position).filter((q) => !q.condition && CONDITION_TYPES.has(q.type));
    return [
      always,
      ...earlier.flatMap((q) =>
        (q.type === "YES_NO" ? ["yes", "no"] : q.options.map((o) => o.id)).map((value) => ({
          value: `${q.id}:${value}`,
          label: t("fields.conditionOption", { question: q.label[locale], answer: answerWords(q, value) }),
        })),
      ),
    ];
  };

  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <PageHeading back={{ href: base, label: t("back") }} title={`${t("title")}: ${conference.title}`} intro={t("intro", { title: conference.title })} />
      <EditorMessages>
        <div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <section aria-labelledby="vragen">
            <h2 id="vragen" className="text-xl font-semibold text-petrol-800">
              {t("list")}
            </h2>
            {questions.length === 0 ? (
              <p className="mt-3 rounded-lg border border-line bg-white p-5">{t("empty")}</p>
            ) : (
              <ol className="mt-3 space-y-3">
                {questions.map((question, index) => {
                  const label = question.label[locale];
                  const parent = question.condition ? questions.find((q) => q.id === question.condition?.questionId) : undefined;
                  const answers = counts.get(question.id) ?? 0;
                  return (
                    <li key={question.id}>
                      <article aria-labelledby={`vraag-${question.id}`} className="rounded-lg border border-line bg-white p-4">
                        <p className="text-sm text-muted">
                          {index + 1}. {t(`types.${question.type}`)} · {question.required ? t("required") : t("optional")} · {t("answers", { count: answers })}
                        </p>
                        <h3 id={`vraag-${question.id}`} className="mt-1 text-lg font-semibold text-ink">
                          {label}
                        </h3>
                        {question.options.length > 0 && <p className="text-sm">{question.options.map((o) => o[locale]).join(" · ")}</p>}
                        {question.condition && parent && (
                          <p className="mt-1 text-sm font-semibold text-petrol-800">
                            {t("conditional", { question: parent.label[locale], answer: answerWords(parent, question.condition.value) })}
                          </p>
                        )}
                        <div className="mt-3 flex flex-wrap items-start gap-3">
                          <MoveQuestionForm questionId={question.id} label={label} first={index === 0} last={index === questions.length - 1} locale={locale} />
                          <DeleteForm
                            action={deleteQuestionAction}
                            fields={{ questionId: question.id }}
                            label={t("deleteLabel", { label })}
                            text={t("deleteText", { count: answers })}
                            locale={locale}
                          />
                        </div>
                        <details className="mt-3">
                          <summary className="inline-flex min-h-10 cursor-pointer items-center font-semibold text-petrol-700 underline" aria-label={t("editLabel", { label })}>
                            {t("edit")}
                          </summary>
                          <div className="mt-3 border-t border-line pt-3">
                            <QuestionForm mode="edit" questionId={question.id} locale={locale} values={questionFormValues(question)} conditions={conditionsFor(index, question)} />
                          </div>
                        </details>
                      </article>
                    </li>
                  );
                })}
              </ol>
            )}
          </section>
          <section aria-labelledby="nieuwe-vraag" className="self-start rounded-lg border border-line bg-white p-5">
            <h2 id="nieuwe-vraag" className="mb-4 text-xl font-semibold text-petrol-800">
              {t("add")}
            </h2>
            <QuestionForm mode="create" conferenceId={conference.id} requestKey={randomUUID()} locale={locale} values={EMPTY} conditions={conditionsFor(questions.length, null)} />
          </section>
        </div>
      </EditorMessages>
    </main>
  );
}
