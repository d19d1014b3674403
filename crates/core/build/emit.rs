//! Writes the model as Rust source: each edition becomes one `static`, built of `Str`, `List`
//! and `Boxed` constants that point into the module's data, so a page pays for no parsing.
//!
//! Struct literals name every field, so a field added to the model and forgotten here is a
//! compile error in the generated file, not a silently missing value.

use crate::checks::Date;
use crate::model::*;
use std::fmt::Write as _;

pub trait Emit {
    fn emit(&self, out: &mut String);
}

impl Emit for Str {
    fn emit(&self, out: &mut String) {
        let _ = write!(out, "Str(Cow::Borrowed({:?}))", self.as_str());
    }
}

impl<T: Emit + Clone> Emit for List<T> {
    fn emit(&self, out: &mut String) {
        out.push_str("List(Cow::Borrowed(&[");
        for item in self {
            item.emit(out);
            out.push(',');
        }
        out.push_str("]))");
    }
}

impl<T: Emit> Emit for Boxed<T> {
    fn emit(&self, out: &mut String) {
        out.push_str("Boxed::Static(&");
        (**self).emit(out);
        out.push(')');
    }
}

impl<T: Emit> Emit for Option<T> {
    fn emit(&self, out: &mut String) {
        match self {
            None => out.push_str("None"),
            Some(v) => {
                out.push_str("Some(");
                v.emit(out);
                out.push(')');
            }
        }
    }
}

impl<A: Emit, B: Emit> Emit for (A, B) {
    fn emit(&self, out: &mut String) {
        out.push('(');
        self.0.emit(out);
        out.push(',');
        self.1.emit(out);
        out.push(')');
    }
}

impl Emit for bool {
    fn emit(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

macro_rules! emit_integer {
    ($($t:ty),*) => {$(
        impl Emit for $t {
            fn emit(&self, out: &mut String) {
                let _ = write!(out, "{}{}", self, stringify!($t));
            }
        }
    )*};
}
emit_integer!(u16, u32);

impl Emit for f64 {
    fn emit(&self, out: &mut String) {
        // `{:?}` writes the shortest text that reads back as the same f64 (1.0, 0.5, 1e-5).
        let _ = write!(out, "{self:?}f64");
    }
}

impl Emit for Date {
    fn emit(&self, out: &mut String) {
        let _ = write!(
            out,
            "crate::checks::Date{{year:{},month:{},day:{}}}",
            self.year, self.month, self.day
        );
    }
}

/// Fieldless enums: `Type::Variant`, the variant named by its `Debug`.
macro_rules! emit_unit_enum {
    ($($t:ident),*) => {$(
        impl Emit for $t {
            fn emit(&self, out: &mut String) {
                let _ = write!(out, "{}::{:?}", stringify!($t), self);
            }
        }
    )*};
}
emit_unit_enum!(FieldKind, Severity);

macro_rules! emit_struct {
    ($t:ident { $($f:ident),* $(,)? }) => {
        impl Emit for $t {
            fn emit(&self, out: &mut String) {
                let $t { $($f),* } = self;
                out.push_str(concat!(stringify!($t), "{"));
                $(
                    out.push_str(concat!(stringify!($f), ":"));
                    $f.emit(out);
                    out.push(',');
                )*
                out.push('}');
            }
        }
    };
}

macro_rules! emit_enum {
    ($t:ident { $($v:ident { $($f:ident),* $(,)? }),* $(,)? }) => {
        impl Emit for $t {
            fn emit(&self, out: &mut String) {
                match self {
                    $(
                        $t::$v { $($f),* } => {
                            out.push_str(concat!(stringify!($t), "::", stringify!($v), "{"));
                            $(
                                out.push_str(concat!(stringify!($f), ":"));
                                $f.emit(out);
                                out.push(',');
                            )*
                            out.push('}');
                        }
                    )*
                }
            }
        }
    };
}

emit_struct!(Edition {
    id,
    title,
    short_title,
    doc_number,
    issuers,
    data_year,
    published,
    deadline,
    source,
    notes,
    quotas,
    categories,
});
emit_struct!(Quotas {
    clause,
    text,
    consequence,
    recommenders,
    note
});
emit_struct!(Quoted { clause, text });
emit_struct!(Recommender {
    id,
    label,
    provinces,
    names,
    name_prefix,
    limits
});
emit_struct!(Note {
    title,
    text,
    clause,
    table
});
emit_struct!(Category {
    id,
    name,
    form_title,
    subject,
    reference_date,
    fields,
    checks,
    rules,
    field_index,
    reads,
    read_by,
    deadline,
});
emit_struct!(Field {
    id,
    label,
    section,
    kind,
    unit,
    required,
    when,
    min,
    max,
    max_chars,
    min_items,
    max_items,
    signed,
    allow_over100,
    past,
    options,
    hint,
    source,
    note,
    display,
});
emit_struct!(ChoiceOption {
    value,
    label,
    group,
    detail_field
});
emit_struct!(Condition { field, has });
emit_struct!(Check {
    id,
    test,
    severity,
    note
});
emit_struct!(Rule {
    id,
    clause,
    text,
    applies,
    test,
    note
});
emit_enum!(CheckTest {
    NotGreater { left, right, factor },
    RatioNotAbove { field, numerator, denominator, tolerance },
    ShareOfZero { share, total },
    UsccRegion { field, province, label },
    TotalChars { fields, max },
    DateNotBefore { field, other },
});
emit_enum!(Expr {
    All { of },
    Any { of },
    If { cond, then, otherwise },
    AtLeast { field, min, label, proven_by },
    CountPositive { fields, min, label },
    SumAtLeast { fields, min, label },
    RatioAtLeast { numerator, denominator, min, label },
    YearsSince { field, min },
    CountAtLeast { field, min, label },
    Includes { field, value },
    IsYes { field },
    Declared { field },
    UsccKind { field, prefixes, label },
});
