//! Reading the content source files (TOML) and assembling one [`Quiz`] per
//! language. Runs at build time (the app's `build.rs`) and in host tests only.
//!
//! - `content/manifest.toml`: the version, level thresholds, training links and
//!   UTM parameters: everything that does not depend on the language.
//! - `content/<language>.toml`: every text, for one language.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::content::{Dimension, GlossaryEntry, Level, Offer, Quiz, Release, UiText};
use crate::validate::{validate, ContentError, SourceFiles};

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub version: u32,
    pub default_language: String,
    /// Every language shipped, in the switch's order.
    pub languages: Vec<LanguageEntry>,
    pub levels: Vec<LevelBand>,
    #[serde(default)]
    pub utm: BTreeMap<String, String>,
    /// Where the quiet "learn more" link points when no offer fits a result.
    pub learn_more: String,
    pub offers: Vec<OfferLink>,
}

/// A language as the manifest lists it.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageEntry {
    pub code: String,
    pub name: String,
    pub locale: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelBand {
    pub id: String,
    pub min_score: u8,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfferLink {
    pub id: String,
    pub url: String,
    pub dimensions: Vec<String>,
    pub bands: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageFile {
    pub ui: UiText,
    pub levels: Vec<LevelText>,
    pub training: Vec<OfferText>,
    #[serde(default)]
    pub glossary: Vec<GlossaryText>,
    pub dimensions: Vec<Dimension>,
}

/// A glossary entry as written: the term, other spellings of it that appear in
/// questions, and its definition.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryText {
    pub id: String,
    pub term: String,
    #[serde(default)]
    pub matches: Vec<String>,
    pub definition: String,
}

/// True when `term` appears in `text` as a whole word or phrase, ignoring case.
fn mentions(text: &str, term: &str) -> bool {
    let (text, term) = (text.to_lowercase(), term.to_lowercase());
    if term.trim().is_empty() {
        return false;
    }
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(&term).any(|(at, found)| {
        !word(text[..at].chars().next_back()) && !word(text[at + found.len()..].chars().next())
    })
}

/// Joins each question to the glossary entries its prompt, help or options use.
fn link_glossary(dimensions: &mut [Dimension], glossary: &[GlossaryText]) {
    for question in dimensions.iter_mut().flat_map(|d| d.questions.iter_mut()) {
        let texts: Vec<&str> = std::iter::once(question.prompt.as_str())
            .chain(question.help.as_deref())
            .chain(question.options.iter().map(|o| o.text.as_str()))
            .collect();
        question.glossary = glossary
            .iter()
            .zip(0u32..)
            .filter(|(entry, _)| {
                std::iter::once(&entry.term)
                    .chain(&entry.matches)
                    .any(|term| texts.iter().any(|text| mentions(text, term)))
            })
            .map(|(_, index)| index)
            .collect();
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelText {
    pub id: String,
    pub name: String,
    pub summary: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfferText {
    pub id: String,
    pub title: String,
    pub description: String,
    pub cta: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReleasesFile {
    releases: Vec<Release>,
}

pub fn parse_releases(source: &str, file: &str) -> Result<Vec<Release>, ContentError> {
    toml::from_str::<ReleasesFile>(source)
        .map(|f| f.releases)
        .map_err(|e| parse_error(file, e))
}

pub fn parse_manifest(source: &str, file: &str) -> Result<Manifest, ContentError> {
    toml::from_str(source).map_err(|e| parse_error(file, e))
}

pub fn parse_language(source: &str, file: &str) -> Result<LanguageFile, ContentError> {
    toml::from_str(source).map_err(|e| parse_error(file, e))
}

fn parse_error(file: &str, error: toml::de::Error) -> ContentError {
    ContentError::Parse {
        file: file.to_string(),
        message: error.to_string().trim_end().to_string(),
    }
}

/// Joins the manifest with one language's texts and validates the result.
pub fn assemble(
    manifest: &Manifest,
    releases: &[Release],
    texts: LanguageFile,
    language: &str,
    files: SourceFiles<'_>,
) -> Result<Quiz, Vec<ContentError>> {
    let mut errors = Vec::new();
    let file = files.language;
    let missing = |key: String| ContentError::MissingTranslation {
        file: file.to_string(),
        key,
    };

    let levels = manifest
        .levels
        .iter()
        .filter_map(|band| match texts.levels.iter().find(|t| t.id == band.id) {
            Some(text) => Some(Level {
                id: band.id.clone(),
                name: text.name.clone(),
                min_score: band.min_score,
                summary: text.summary.clone(),
            }),
            None => {
                errors.push(missing(format!("levels.{}", band.id)));
                None
            }
        })
        .collect();
    for text in &texts.levels {
        if !manifest.levels.iter().any(|band| band.id == text.id) {
            errors.push(ContentError::UnknownReference {
                file: file.to_string(),
                item: "levels".into(),
                reference: text.id.clone(),
            });
        }
    }

    // Links are checked as the site owner wrote them, before UTM parameters are added.
    for link in &manifest.offers {
        if !crate::validate::is_https_url(&link.url) {
            errors.push(ContentError::NotHttps {
                file: files.manifest.to_string(),
                offer: link.id.clone(),
                url: link.url.clone(),
            });
        }
    }
    let offers = manifest
        .offers
        .iter()
        .filter_map(
            |link| match texts.training.iter().find(|t| t.id == link.id) {
                Some(text) => Some(Offer {
                    id: link.id.clone(),
                    title: text.title.clone(),
                    description: text.description.clone(),
                    cta: text.cta.clone(),
                    url: with_utm(&link.url, &manifest.utm, &link.id),
                    dimensions: link.dimensions.clone(),
                    bands: link.bands.clone(),
                }),
                None => {
                    errors.push(missing(format!("training.{}", link.id)));
                    None
                }
            },
        )
        .collect();
    for text in &texts.training {
        if !manifest.offers.iter().any(|link| link.id == text.id) {
            errors.push(ContentError::UnknownReference {
                file: file.to_string(),
                item: "training".into(),
                reference: text.id.clone(),
            });
        }
    }

    if !crate::validate::is_https_url(&manifest.learn_more) {
        errors.push(ContentError::NotHttps {
            file: files.manifest.to_string(),
            offer: "learn_more".into(),
            url: manifest.learn_more.clone(),
        });
    }
    let mut dimensions = texts.dimensions;
    link_glossary(&mut dimensions, &texts.glossary);
    for entry in &texts.glossary {
        let used = dimensions
            .iter()
            .flat_map(|d| &d.questions)
            .flat_map(|q| &q.glossary)
            .any(|&i| {
                texts
                    .glossary
                    .get(i as usize)
                    .is_some_and(|e| e.id == entry.id)
            });
        if !used {
            errors.push(ContentError::UnusedGlossary {
                file: file.to_string(),
                id: entry.id.clone(),
            });
        }
    }
    let quiz = Quiz {
        version: manifest.version,
        language: language.to_string(),
        ui: texts.ui,
        levels,
        dimensions,
        offers,
        learn_more: with_utm(&manifest.learn_more, &manifest.utm, "learn-more"),
        glossary: texts
            .glossary
            .into_iter()
            .map(|entry| GlossaryEntry {
                id: entry.id,
                term: entry.term,
                definition: entry.definition,
            })
            .collect(),
        releases: releases.to_vec(),
    };
    errors.extend(validate(&quiz, files));
    if errors.is_empty() {
        Ok(quiz)
    } else {
        Err(errors)
    }
}

/// Checks that a translation covers exactly the reference language's items, in
/// the same order: share links and saved answers address questions by position.
pub fn compare_translation(reference: &Quiz, other: &Quiz, file: &str) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let keys = |quiz: &Quiz| -> Vec<String> {
        let glossary = quiz.glossary.iter().map(|g| format!("glossary.{}", g.id));
        glossary
            .chain(quiz.dimensions.iter().flat_map(|d| {
                std::iter::once(format!("dimensions.{}", d.id)).chain(d.questions.iter().flat_map(
                    |q| {
                        std::iter::once(format!("questions.{}", q.id)).chain(
                            q.options
                                .iter()
                                .map(move |o| format!("questions.{}/{}", q.id, o.id)),
                        )
                    },
                ))
            }))
            .collect()
    };
    let (expected, found) = (keys(reference), keys(other));
    for key in &expected {
        if !found.contains(key) {
            errors.push(ContentError::MissingTranslation {
                file: file.to_string(),
                key: key.clone(),
            });
        }
    }
    for key in &found {
        if !expected.contains(key) {
            errors.push(ContentError::UnknownReference {
                file: file.to_string(),
                item: key.clone(),
                reference: format!("not in {}.toml", reference.language),
            });
        }
    }
    if errors.is_empty() && expected != found {
        errors.push(ContentError::Parse {
            file: file.to_string(),
            message: format!(
                "items are in a different order than in {}.toml",
                reference.language
            ),
        });
    }
    errors
}

/// Appends the UTM parameters (and `utm_content` = the offer id) to a link,
/// keeping any query string and fragment the site owner wrote.
pub fn with_utm(url: &str, utm: &BTreeMap<String, String>, offer_id: &str) -> String {
    if utm.is_empty() {
        return url.to_string();
    }
    let (base, fragment) = match url.split_once('#') {
        Some((base, fragment)) => (base, Some(fragment)),
        None => (url, None),
    };
    let mut params: Vec<String> = utm
        .iter()
        .map(|(key, value)| format!("utm_{}={}", encode(key), encode(value)))
        .collect();
    if !utm.contains_key("content") {
        params.push(format!("utm_content={}", encode(offer_id)));
    }
    let separator = if base.contains('?') { '&' } else { '?' };
    let mut result = format!("{base}{separator}{}", params.join("&"));
    if let Some(fragment) = fragment {
        result.push('#');
        result.push_str(fragment);
    }
    result
}

fn encode(value: &str) -> String {
    crate::route::encode_parameter(value)
}

/// One language's quiz, built: its manifest entry and the compact form.
#[derive(Clone, Debug)]
pub struct BuiltLanguage {
    pub language: crate::language::Language,
    /// `content_codec::encode` of the assembled quiz.
    pub bytes: Vec<u8>,
}

/// Every language of a content folder, validated against the manifest and
/// against the default language, the default first. This is what the app's
/// build script runs; tests run it on other folders (a third language).
pub fn build(dir: &std::path::Path) -> Result<Vec<BuiltLanguage>, Vec<ContentError>> {
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name)).map_err(|e| {
            vec![ContentError::Parse {
                file: name.to_string(),
                message: e.to_string(),
            }]
        })
    };
    let manifest = parse_manifest(&read("manifest.toml")?, "manifest.toml").map_err(|e| vec![e])?;
    let releases = parse_releases(&read("releases.toml")?, "releases.toml").map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    let files: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| {
            vec![ContentError::Parse {
                file: "content/".into(),
                message: e.to_string(),
            }]
        })?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| {
            name.ends_with(".toml") && name != "manifest.toml" && name != "releases.toml"
        })
        .collect();
    for file in &files {
        let code = file.trim_end_matches(".toml");
        if !manifest.languages.iter().any(|l| l.code == code) {
            errors.push(ContentError::UnknownReference {
                file: "manifest.toml".into(),
                item: "languages".into(),
                reference: format!("{code} (content/{file} is not listed)"),
            });
        }
    }
    // The default language first: every other one is compared with it.
    let mut order: Vec<&LanguageEntry> = manifest.languages.iter().collect();
    tiny_sort::stable::sort_by_key(&mut order, |l| l.code != manifest.default_language);
    if order.first().map(|l| &l.code) != Some(&manifest.default_language) {
        errors.push(ContentError::MissingTranslation {
            file: "manifest.toml".into(),
            key: format!("languages.{}", manifest.default_language),
        });
    }
    let mut reference: Option<Quiz> = None;
    let mut built = Vec::new();
    for entry in order {
        let file = format!("{}.toml", entry.code);
        if !files.contains(&file) {
            errors.push(ContentError::MissingTranslation {
                file,
                key: "(the whole file)".into(),
            });
            continue;
        }
        let source_files = SourceFiles {
            manifest: "manifest.toml",
            language: &file,
            releases: "releases.toml",
        };
        let quiz =
            match read(&file).and_then(|text| parse_language(&text, &file).map_err(|e| vec![e])) {
                Ok(texts) => assemble(&manifest, &releases, texts, &entry.code, source_files),
                Err(found) => Err(found),
            };
        match quiz {
            Ok(quiz) => {
                if let Some(reference) = &reference {
                    errors.extend(compare_translation(reference, &quiz, &file));
                }
                built.push(BuiltLanguage {
                    language: crate::language::Language {
                        code: entry.code.clone(),
                        name: entry.name.clone(),
                        locale: entry.locale.clone(),
                    },
                    bytes: crate::content_codec::encode(&quiz),
                });
                reference.get_or_insert(quiz);
            }
            Err(found) => errors.extend(found),
        }
    }
    if errors.is_empty() {
        Ok(built)
    } else {
        Err(errors)
    }
}
