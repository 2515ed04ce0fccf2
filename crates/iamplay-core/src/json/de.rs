//! Typed values from a read [`Json`] document, through serde, with every error located: the
//! JSON pointer and span of the value (or key) that did not fit, and what was wrong as data.
//!
//! Policy documents may be written inline as JSON objects: a string field named in
//! [`DOCUMENT_FIELDS`] takes an object or array as its pretty-printed text.

use alloc::borrow::ToOwned;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use serde::Serialize;
use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};

use super::{Json, Member, Value, to_pretty_string};
use crate::source::{Pointer, Span};

/// Fields whose string value may be written as a JSON object or array (it stands for its text).
pub const DOCUMENT_FIELDS: [&str; 6] = [
    "document",
    "trustPolicy",
    "policy",
    "Policy",
    "claims",
    "WebIdentityToken",
];

/// Why a value did not fit, and where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeError {
    /// What was wrong.
    pub kind: DeErrorKind,
    /// The JSON pointer of the value (or of the object holding a missing field).
    pub pointer: String,
    /// Where it is in the text (a key's span for an unknown field).
    pub span: Span,
    /// Whether the location was set (errors are located as they pass up).
    #[serde(skip)]
    located: bool,
}

/// The kinds of errors, as data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "camelCase")]
pub enum DeErrorKind {
    /// A value of the wrong JSON type.
    InvalidType {
        /// What was found (`string`, `number`, `object`, ...).
        found: String,
        /// What was expected (serde's description: `a string`, `struct World`, ...).
        expected: String,
    },
    /// A value of the right type that is not allowed.
    InvalidValue {
        /// The value found.
        found: String,
        /// What was expected.
        expected: String,
    },
    /// A list or object of the wrong length.
    InvalidLength {
        /// Its length.
        length: usize,
        /// What was expected.
        expected: String,
    },
    /// A name that is not one of the allowed ones.
    UnknownVariant {
        /// The name found.
        found: String,
        /// The allowed names.
        expected: Vec<&'static str>,
    },
    /// A field that the object does not take.
    UnknownField {
        /// The field.
        found: String,
        /// The fields it takes.
        expected: Vec<&'static str>,
    },
    /// A required field that is missing.
    MissingField {
        /// The field.
        field: &'static str,
    },
    /// A field given twice.
    DuplicateField {
        /// The field.
        field: &'static str,
    },
    /// Anything else (serde's own words).
    Other {
        /// The message.
        message: String,
    },
}

impl DeError {
    fn new(kind: DeErrorKind) -> Self {
        Self {
            kind,
            pointer: String::new(),
            span: Span::default(),
            located: false,
        }
    }

    fn at(mut self, pointer: &Pointer, span: Span) -> Self {
        if !self.located {
            self.pointer = pointer.as_str().to_owned();
            self.span = span;
            self.located = true;
        }
        self
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} at `{}`", self.kind, self.pointer)
    }
}

impl core::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Self::new(DeErrorKind::Other {
            message: message.to_string(),
        })
    }

    fn invalid_type(found: de::Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        Self::new(DeErrorKind::InvalidType {
            found: unexpected_name(&found),
            expected: expected.to_string(),
        })
    }

    fn invalid_value(found: de::Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        Self::new(DeErrorKind::InvalidValue {
            found: found.to_string(),
            expected: expected.to_string(),
        })
    }

    fn invalid_length(length: usize, expected: &dyn de::Expected) -> Self {
        Self::new(DeErrorKind::InvalidLength {
            length,
            expected: expected.to_string(),
        })
    }

    fn unknown_variant(found: &str, expected: &'static [&'static str]) -> Self {
        Self::new(DeErrorKind::UnknownVariant {
            found: found.into(),
            expected: expected.to_vec(),
        })
    }

    fn unknown_field(found: &str, expected: &'static [&'static str]) -> Self {
        Self::new(DeErrorKind::UnknownField {
            found: found.into(),
            expected: expected.to_vec(),
        })
    }

    fn missing_field(field: &'static str) -> Self {
        Self::new(DeErrorKind::MissingField { field })
    }

    fn duplicate_field(field: &'static str) -> Self {
        Self::new(DeErrorKind::DuplicateField { field })
    }
}

/// A JSON number that is an integer.
enum Integer {
    Signed(i64),
    Unsigned(u64),
}

/// `text` as an integer, if it is one that fits 64 bits.
fn integer(text: &str) -> Option<Integer> {
    text.parse::<i64>()
        .map(Integer::Signed)
        .ok()
        .or_else(|| text.parse::<u64>().map(Integer::Unsigned).ok())
}

/// The JSON type name of serde's unexpected value.
fn unexpected_name(found: &de::Unexpected<'_>) -> String {
    use de::Unexpected as U;
    match found {
        U::Bool(_) => "boolean",
        U::Unsigned(_) | U::Signed(_) | U::Float(_) => "number",
        U::Char(_) | U::Str(_) => "string",
        U::Unit => "null",
        U::Seq => "array",
        U::Map => "object",
        U::Other(other) if other.contains("number") => "number",
        _ => "value",
    }
    .into()
}

/// Reads a `T` from `json`.
///
/// # Errors
/// The first value that does not fit, located.
pub fn from_json<'de, T: serde::Deserialize<'de>>(json: &'de Json) -> Result<T, DeError> {
    T::deserialize(Deserializer {
        json,
        pointer: Pointer::root(),
        document: false,
    })
}

/// A deserializer for one value at `pointer`.
struct Deserializer<'a> {
    json: &'a Json,
    pointer: Pointer,
    /// Whether an object or array may stand for its text (a policy document field).
    document: bool,
}

impl Deserializer<'_> {
    fn locate(&self, error: DeError) -> DeError {
        error.at(&self.pointer, self.json.span)
    }

    fn type_error(&self, expected: &dyn de::Expected) -> DeError {
        let found = match &self.json.value {
            Value::Null => de::Unexpected::Unit,
            Value::Bool(b) => de::Unexpected::Bool(*b),
            Value::Number(_) => de::Unexpected::Other("number"),
            Value::String(s) => de::Unexpected::Str(s),
            Value::Array(_) => de::Unexpected::Seq,
            Value::Object(_) => de::Unexpected::Map,
        };
        self.locate(de::Error::invalid_type(found, expected))
    }
}

impl<'de> de::Deserializer<'de> for Deserializer<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let result = match &self.json.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(_) => return self.integer(visitor),
            Value::String(s) => visitor.visit_str(s),
            Value::Array(items) => visitor.visit_seq(Seq {
                items: items.iter().enumerate(),
                pointer: self.pointer.clone(),
            }),
            Value::Object(members) => visitor.visit_map(Map {
                members: members.iter(),
                pointer: self.pointer.clone(),
                current: None,
            }),
        };
        result.map_err(|e| self.locate(e))
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let result = match &self.json.value {
            Value::String(s) => visitor.visit_str(s),
            Value::Object(_) | Value::Array(_) if self.document => {
                visitor.visit_string(to_pretty_string(self.json))
            }
            _ => return Err(self.type_error(&visitor)),
        };
        result.map_err(|e| self.locate(e))
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.json.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let result = match &self.json.value {
            Value::String(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            Value::Object(members) => match members.as_slice() {
                [member] => visitor.visit_enum(Enum {
                    member,
                    pointer: self.pointer.clone(),
                }),
                _ => Err(de::Error::invalid_length(
                    members.len(),
                    &"an object with one member",
                )),
            },
            _ => return Err(self.type_error(&visitor)),
        };
        result.map_err(|e| self.locate(e))
    }

    // Each typed entry calls only the visitor method its type can take, so that the visitors
    // serde derives keep only the code that can run (a struct is never read from an array).
    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.json.value {
            Value::Bool(b) => visitor.visit_bool(b).map_err(|e| self.locate(e)),
            _ => Err(self.type_error(&visitor)),
        }
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.integer(visitor)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.integer(visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.integer(visitor)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.integer(visitor)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.integer(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match &self.json.value {
            Value::Array(items) => visitor
                .visit_seq(Seq {
                    items: items.iter().enumerate(),
                    pointer: self.pointer.clone(),
                })
                .map_err(|e| self.locate(e)),
            _ => Err(self.type_error(&visitor)),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match &self.json.value {
            Value::Object(members) => visitor
                .visit_map(Map {
                    members: members.iter(),
                    pointer: self.pointer.clone(),
                    current: None,
                })
                .map_err(|e| self.locate(e)),
            _ => Err(self.type_error(&visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_map(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.json.value {
            Value::Null => visitor.visit_unit().map_err(|e| self.locate(e)),
            _ => Err(self.type_error(&visitor)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i128 u8 u128 f32 f64 char bytes byte_buf
        unit_struct tuple tuple_struct
    }
}

impl Deserializer<'_> {
    /// An integer, for any of the integer types (the visitor checks the range).
    fn integer<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let result = match &self.json.value {
            Value::Number(text) => match integer(text) {
                Some(Integer::Signed(n)) => visitor.visit_i64(n),
                Some(Integer::Unsigned(n)) => visitor.visit_u64(n),
                // No value iamplay reads is fractional: say so rather than carry float parsing.
                None => Err(de::Error::invalid_type(
                    de::Unexpected::Other("a fractional or very large number"),
                    &visitor,
                )),
            },
            _ => return Err(self.type_error(&visitor)),
        };
        result.map_err(|e| self.locate(e))
    }
}

/// An array's items.
struct Seq<I> {
    items: I,
    pointer: Pointer,
}

impl<'de, I: Iterator<Item = (usize, &'de Json)>> de::SeqAccess<'de> for Seq<I> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        let Some((index, item)) = self.items.next() else {
            return Ok(None);
        };
        seed.deserialize(Deserializer {
            json: item,
            pointer: self.pointer.index(index),
            document: false,
        })
        .map(Some)
    }
}

/// An object's members.
struct Map<'a, I> {
    members: I,
    pointer: Pointer,
    current: Option<&'a Member>,
}

impl<'de, I: Iterator<Item = &'de Member>> de::MapAccess<'de> for Map<'de, I> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let Some(member) = self.members.next() else {
            return Ok(None);
        };
        self.current = Some(member);
        let deserializer: de::value::StrDeserializer<'_, DeError> =
            member.key.as_str().into_deserializer();
        seed.deserialize(deserializer)
            .map(Some)
            .map_err(|e| e.at(&self.pointer.key(&member.key), member.key_span))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let Some(member) = self.current.take() else {
            return Err(de::Error::custom("a value without a key"));
        };
        seed.deserialize(Deserializer {
            json: &member.value,
            pointer: self.pointer.key(&member.key),
            document: DOCUMENT_FIELDS.contains(&member.key.as_str()),
        })
    }
}

/// An externally tagged enum value: `{"Variant": value}`.
struct Enum<'a> {
    member: &'a Member,
    pointer: Pointer,
}

impl<'de> de::EnumAccess<'de> for Enum<'de> {
    type Error = DeError;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), DeError> {
        let deserializer: de::value::StrDeserializer<'_, DeError> =
            self.member.key.as_str().into_deserializer();
        let variant = seed
            .deserialize(deserializer)
            .map_err(|e| e.at(&self.pointer.key(&self.member.key), self.member.key_span))?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for Enum<'de> {
    type Error = DeError;

    fn unit_variant(self) -> Result<(), DeError> {
        match self.member.value.value {
            Value::Null => Ok(()),
            _ => Err(de::Error::invalid_type(de::Unexpected::Map, &"a name")),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, DeError> {
        seed.deserialize(Deserializer {
            json: &self.member.value,
            pointer: self.pointer.key(&self.member.key),
            document: false,
        })
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, DeError> {
        de::Deserializer::deserialize_any(
            Deserializer {
                json: &self.member.value,
                pointer: self.pointer.key(&self.member.key),
                document: false,
            },
            visitor,
        )
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.tuple_variant(0, visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{DEFAULT_MAX_DEPTH, parse};
    use crate::sts::world::World;

    fn world(text: &str) -> Result<World, DeError> {
        let json = parse(text, DEFAULT_MAX_DEPTH).unwrap_or_else(|e| panic!("{e:?}"));
        from_json(&json)
    }

    #[test]
    fn policies_may_be_written_as_objects_and_become_their_text() {
        let world = world(
            r#"{"accounts": [{"id": "111122223333", "roles": [{"name": "R",
                "trustPolicy": {"Version": "2012-10-17", "Statement": []},
                "maxSessionDuration": 7200}]}]}"#,
        )
        .unwrap_or_default();
        let role = &world.accounts[0].roles[0];
        assert_eq!(
            role.trust_policy,
            "{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": []\n}"
        );
        assert_eq!(role.max_session_duration, Some(7200));
    }

    #[test]
    fn errors_say_what_and_where() {
        let text = "{\"accounts\": [{\"id\": \"111122223333\",\n  \"rolez\": []}]}";
        let error = world(text).err().unwrap_or_else(|| panic!("no error"));
        assert_eq!(error.pointer, "/accounts/0/rolez");
        assert_eq!(
            error.span.start as usize,
            text.find("\"rolez\"").unwrap_or(0)
        );
        assert!(matches!(
            &error.kind,
            DeErrorKind::UnknownField { found, expected } if found == "rolez" && expected.contains(&"roles")
        ));

        let error = world(r#"{"accounts": [{"users": []}]}"#)
            .err()
            .unwrap_or_else(|| panic!());
        assert_eq!(
            (error.kind, error.pointer.as_str()),
            (DeErrorKind::MissingField { field: "id" }, "/accounts/0")
        );

        let error = world(r#"{"accounts": [{"id": 111122223333}]}"#)
            .err()
            .unwrap_or_else(|| panic!());
        assert_eq!(error.pointer, "/accounts/0/id");
        assert!(matches!(&error.kind, DeErrorKind::InvalidType { found, .. } if found == "number"));

        let error =
            world(r#"{"accounts": [{"id": "1", "roles": [{"name": "R", "trustPolicy": 5}]}]}"#)
                .err()
                .unwrap_or_else(|| panic!());
        assert_eq!(error.pointer, "/accounts/0/roles/0/trustPolicy");
    }
}
