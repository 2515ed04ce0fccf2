//! Condition values as IAM reads them: dates (and later numbers, IP ranges, ...), shared by the
//! validator, which rejects what AWS cannot read, and the evaluator, which compares them.

pub mod base64;
pub mod date;
pub mod ip;
pub mod number;
