//! Fitting the story link model (`storydiff::align::link`) on the
//! full-article gold, with whole stories held out.
//!
//! Each candidate pair of a gold story whose two claims both overlap
//! annotated sentences is an example: a same-fact pair when a gold pair
//! joins sentences they overlap, else a pair of different facts. The model
//! is a logistic regression over standardized features with a ridge
//! penalty, fitted by Newton's method from zero: the same rows always give
//! the same weights.

#![allow(clippy::print_stdout)]

use storydiff::align::link::{LINK_FEATURE_NAMES, LINK_FEATURES, LinkModel};

/// One example: a pair's features and whether it states one fact.
pub type Row = ([f64; LINK_FEATURES], bool);

/// The ridge penalty on the standardized weights (not the bias). Some
/// features are near copies of each other (the score and the overlap, the
/// two margins); a little penalty keeps their weights from pulling apart.
const RIDGE: f64 = 1.0;

/// Newton steps; the log loss is convex and converges in far fewer.
const STEPS: usize = 30;

/// Standard deviations below this count as constant features.
const FLAT: f64 = 1e-9;

const COLUMNS: usize = LINK_FEATURES + 1;

/// The model fitted on `rows`.
pub fn fit(rows: &[Row]) -> LinkModel {
    let n = rows.len().max(1) as f64;
    let mut mean = [0.0; LINK_FEATURES];
    for (x, _) in rows {
        for (m, v) in mean.iter_mut().zip(x) {
            *m += v / n;
        }
    }
    let mut sd = [0.0; LINK_FEATURES];
    for (x, _) in rows {
        for ((s, v), m) in sd.iter_mut().zip(x).zip(&mean) {
            *s += (v - m).powi(2) / n;
        }
    }
    let sd = sd.map(|v| if v.sqrt() < FLAT { 1.0 } else { v.sqrt() });
    let standard = |x: &[f64; LINK_FEATURES]| {
        let mut z = [1.0; COLUMNS];
        for k in 0..LINK_FEATURES {
            z[k + 1] = (x[k] - mean[k]) / sd[k];
        }
        z
    };
    let data: Vec<([f64; COLUMNS], f64)> = rows
        .iter()
        .map(|(x, y)| (standard(x), if *y { 1.0 } else { 0.0 }))
        .collect();
    let mut w = [0.0; COLUMNS];
    for _ in 0..STEPS {
        let mut gradient = [0.0; COLUMNS];
        let mut hessian = [[0.0; COLUMNS]; COLUMNS];
        for (z, y) in &data {
            let p = sigmoid(dot(&w, z));
            for i in 0..COLUMNS {
                gradient[i] += (p - y) * z[i];
                for j in 0..COLUMNS {
                    hessian[i][j] += p * (1.0 - p) * z[i] * z[j];
                }
            }
        }
        for i in 1..COLUMNS {
            gradient[i] += RIDGE * w[i];
            hessian[i][i] += RIDGE;
        }
        let step = solve(hessian, gradient);
        for (wi, s) in w.iter_mut().zip(step) {
            *wi -= s;
        }
    }
    let mut weights = [0.0; LINK_FEATURES];
    let mut bias = w[0];
    for k in 0..LINK_FEATURES {
        weights[k] = w[k + 1] / sd[k];
        bias -= weights[k] * mean[k];
    }
    LinkModel { bias, weights }
}

/// Print `model` as the Rust source of `LINK_MODEL`.
pub fn print_source(model: &LinkModel, rows: usize, positives: usize) {
    println!(
        "// Fitted on {rows} candidate pairs of the BASIL dev gold stories, {positives} of one fact."
    );
    println!("pub const LINK_MODEL: LinkModel = LinkModel {{");
    println!("    bias: {:.6},", model.bias);
    println!("    weights: [");
    for (w, name) in model.weights.iter().zip(LINK_FEATURE_NAMES) {
        println!("        {w:.6}, // {name}");
    }
    println!("    ],");
    println!("}};");
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

fn dot(w: &[f64; COLUMNS], z: &[f64; COLUMNS]) -> f64 {
    w.iter().zip(z).map(|(a, b)| a * b).sum()
}

/// `a⁻¹ b` by Gaussian elimination with partial pivoting (`a` is positive
/// definite here: a Hessian plus the ridge).
fn solve(mut a: [[f64; COLUMNS]; COLUMNS], mut b: [f64; COLUMNS]) -> [f64; COLUMNS] {
    for col in 0..COLUMNS {
        let pivot = (col..COLUMNS)
            .max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))
            .unwrap_or(col);
        a.swap(col, pivot);
        b.swap(col, pivot);
        let d = a[col][col];
        if d.abs() < FLAT {
            continue;
        }
        let pivot_row = a[col];
        for row in col + 1..COLUMNS {
            let f = a[row][col] / d;
            for (v, p) in a[row].iter_mut().zip(&pivot_row).skip(col) {
                *v -= f * p;
            }
            b[row] -= f * b[col];
        }
    }
    let mut x = [0.0; COLUMNS];
    for row in (0..COLUMNS).rev() {
        let rest: f64 = (row + 1..COLUMNS).map(|k| a[row][k] * x[k]).sum();
        x[row] = if a[row][row].abs() < FLAT {
            0.0
        } else {
            (b[row] - rest) / a[row][row]
        };
    }
    x
}
