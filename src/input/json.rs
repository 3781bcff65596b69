//! JSON text → [`Value`], through `serde_json` with a depth/size budget.

use std::fmt;

use serde::de::{DeserializeSeed, Error as _, MapAccess, SeqAccess, Visitor};

use super::{Budget, InputError, Limits, Value};

/// Parses `text` within `limits`.
pub(super) fn from_str(text: &str, limits: &Limits) -> Result<Value, InputError> {
    let mut budget = Budget::new(*limits);
    let mut failure = None;
    let mut de = serde_json::Deserializer::from_str(text);
    let seed = Seed {
        budget: &mut budget,
        depth: 0,
        failure: &mut failure,
    };
    let parsed = seed.deserialize(&mut de).and_then(|v| de.end().map(|()| v));
    match (parsed, failure) {
        (Ok(v), _) => Ok(v),
        (Err(_), Some(limit)) => Err(limit),
        (Err(e), None) => Err(InputError::Json {
            line: e.line(),
            column: e.column(),
            detail: e.to_string(),
        }),
    }
}

/// Builds one value; remembers which limit stopped it, if any.
struct Seed<'b> {
    budget: &'b mut Budget,
    depth: usize,
    failure: &'b mut Option<InputError>,
}

impl Seed<'_> {
    fn admit<E: serde::de::Error>(&mut self) -> Result<(), E> {
        self.budget.admit(self.depth).map_err(|limit| {
            let msg = limit.to_string();
            *self.failure = Some(limit);
            E::custom(msg)
        })
    }

    fn child(&mut self) -> Seed<'_> {
        Seed {
            budget: self.budget,
            depth: self.depth.saturating_add(1),
            failure: self.failure,
        }
    }
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E: serde::de::Error>(mut self) -> Result<Value, E> {
        self.admit()?;
        Ok(Value::Null)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Value, E> {
        self.visit_unit()
    }

    fn visit_bool<E: serde::de::Error>(mut self, v: bool) -> Result<Value, E> {
        self.admit()?;
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: serde::de::Error>(mut self, v: i64) -> Result<Value, E> {
        self.admit()?;
        // Same rounding as JavaScript's JSON.parse for integers beyond 2^53.
        Ok(Value::Number(v as f64))
    }

    fn visit_u64<E: serde::de::Error>(mut self, v: u64) -> Result<Value, E> {
        self.admit()?;
        Ok(Value::Number(v as f64))
    }

    fn visit_f64<E: serde::de::Error>(mut self, v: f64) -> Result<Value, E> {
        self.admit()?;
        Ok(Value::Number(v))
    }

    fn visit_str<E: serde::de::Error>(mut self, v: &str) -> Result<Value, E> {
        self.admit()?;
        Ok(self.budget.string(v))
    }

    fn visit_string<E: serde::de::Error>(mut self, v: String) -> Result<Value, E> {
        self.admit()?;
        Ok(self.budget.owned_string(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<Value, A::Error> {
        self.admit()?;
        let mut items = Vec::new();
        while let Some(v) = seq.next_element_seed(self.child())? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Value, A::Error> {
        self.admit()?;
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if key.len() > self.budget.limits().max_string_len {
                let limit = InputError::KeyTooLong(self.budget.limits().max_string_len);
                *self.failure = Some(limit);
                return Err(A::Error::custom("object key too long"));
            }
            let v = map.next_value_seed(self.child())?;
            entries.push((key, v));
        }
        Ok(Value::Object(entries))
    }
}
