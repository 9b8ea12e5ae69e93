//! Alignment cost as stories grow (placeholder until the generator lands).

fn main() {}
