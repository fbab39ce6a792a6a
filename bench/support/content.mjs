// The quiz content as the benchmark fixtures need it, read from content/ at
// bench time: the released question order, and each question with its
// dimension, prompt, help, five options and "Not sure".
import { readFile } from 'node:fs/promises';
import { parse } from 'smol-toml';

const CONTENT = new URL('../../content/', import.meta.url);

async function toml(name) {
  return parse(await readFile(new URL(name, CONTENT), 'utf8'));
}

/** { version, ui, questions: [{ id, dimension, prompt, help, options: [{ id, text }] }] } in released order. */
export async function loadQuiz() {
  const [manifest, english, releasesFile] = await Promise.all([
    toml('manifest.toml'), toml('en.toml'), toml('releases.toml'),
  ]);
  const release = releasesFile.releases.find((r) => r.version === manifest.version);
  if (!release) throw new Error(`content/releases.toml has no entry for version ${manifest.version}`);
  const byId = new Map();
  for (const dimension of english.dimensions) {
    for (const question of dimension.questions) {
      byId.set(question.id, {
        id: question.id,
        dimension: dimension.name,
        prompt: question.prompt,
        help: question.help ?? null,
        options: question.options.map((option) => ({ id: option.id, text: option.text })),
      });
    }
  }
  const questions = release.questions.map((id) => {
    const question = byId.get(id);
    if (!question) throw new Error(`content/releases.toml names ${id}, which content/en.toml does not have`);
    return question;
  });
  return { version: manifest.version, ui: english.ui, questions };
}

/**
 * The same quiz as a SurveyJS survey: one radio-group question per page, in
 * released order, the dimension as the page title, the five options and
 * "Not sure", Back and Next, and a "Page N of 21" progress bar.
 */
export function surveyJson(quiz) {
  const { ui } = quiz;
  return {
    title: ui.app_title,
    showQuestionNumbers: 'off',
    showProgressBar: true,
    progressBarLocation: 'top',
    progressBarType: 'pages',
    pagePrevText: ui.back,
    pageNextText: ui.next,
    completeText: ui.see_results,
    checkErrorsMode: 'onComplete',
    pages: quiz.questions.map((question, index) => ({
      name: `q${index + 1}`,
      title: question.dimension,
      elements: [{
        type: 'radiogroup',
        name: question.id,
        title: question.prompt,
        ...(question.help ? { description: question.help } : {}),
        choices: [
          ...question.options.map((option) => ({ value: option.id, text: option.text })),
          { value: 'not-sure', text: ui.not_sure },
        ],
      }],
    })),
  };
}
