//! `FormChecker`: one form's checks with what does not change between calls settled once —
//! the category, the locale and today. The JS `Checker` (`src/checker.rs`) and the page
//! binding (`src/binding/`) each hold one, so a keystroke and a submit go through the same
//! object whichever way a page uses the module.

use super::{related_fields, Context, Issue, Report};
use crate::model::Category;
use crate::value::Values;

#[derive(Debug, Clone, Copy)]
pub struct FormChecker<'a> {
    pub category: &'a Category,
    pub ctx: Context,
}

impl<'a> FormChecker<'a> {
    pub fn new(category: &'a Category, ctx: Context) -> Self {
        FormChecker { category, ctx }
    }

    /// The issues of one field: exactly what `form` reports for it with the same values.
    /// `collected`: the fields the page has (None: every field of the edition).
    pub fn field(&self, id: &str, values: &Values, collected: Option<&[String]>) -> Vec<Issue> {
        super::validate_collected_field(self.category, id, values, &self.ctx, collected)
    }

    /// Every issue and the eligibility verdicts.
    pub fn form(&self, values: &Values, collected: Option<&[String]>) -> Report {
        super::validate_collected_form(self.category, values, &self.ctx, collected)
    }

    /// The fields `field(id)` reads besides `id`: a keystroke passes only these and `id`.
    pub fn reads(&self, id: &str) -> Vec<String> {
        let mut related = related_fields(self.category, id);
        related.retain(|r| r != id);
        related
    }

    /// The other fields whose issues can change when `id` changes.
    pub fn dependents(&self, id: &str) -> Vec<String> {
        super::dependents(self.category, id)
    }
}
