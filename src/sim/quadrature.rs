//! Gauss–Jacobi quadrature for the Beta distribution, by the Golub–Welsch algorithm.
//!
//! The `n`-node rule for Beta(α, β) has as nodes the eigenvalues of the symmetric tridiagonal
//! Jacobi matrix of the monic Jacobi polynomials (recurrence on [−1, 1] with weight
//! (1 − x)^(β−1)(1 + x)^(α−1), mapped to θ = (1 + x)/2), and as weights the squared first
//! components of its normalised eigenvectors. It reproduces E[f(θ)] exactly for every
//! polynomial f of degree ≤ 2n − 1. The eigenproblem is solved by the implicit QL algorithm
//! (`tqli`), which rotates only the first components of the eigenvectors.
//!
//! Hand-written: statrs and rand_distr have no quadrature; the `gauss-quad` crate has Gauss–Jacobi
//! rules but builds them with nalgebra's dense eigensolver, a large dependency for the web bundle for
//! one symmetric tridiagonal matrix of at most 32 rows, whose eigenvectors are needed only in their
//! first components.

use super::order::sort_stable_by;

/// Nodes θ_j (ascending, in (0, 1)) and weights w_j (positive, summing to 1) of the `nodes`-point
/// rule, so that Σ w_j f(θ_j) = E[f(θ)] for θ ~ Beta(`alpha`, `beta`) and every polynomial f of
/// degree ≤ 2·`nodes` − 1. Works for shapes in [0.05, 1e4] and up to 200 nodes; no nodes give an
/// empty rule. Weights too small for `f64` (far-tail nodes of large rules) come out as the
/// smallest positive normal number.
pub fn beta_quadrature(alpha: f64, beta: f64, nodes: usize) -> Vec<(f64, f64)> {
    if nodes == 0 {
        return Vec::new();
    }
    let (mut diag, mut off) = jacobi_matrix(alpha, beta, nodes);
    let mut first = vec![0.0; nodes];
    first[0] = 1.0;
    tqli(&mut diag, &mut off, &mut first);
    let mut rule: Vec<(f64, f64)> = diag.into_iter().zip(first.iter().map(|z| z * z)).collect();
    sort_stable_by(&mut rule, |x, y| x.0.total_cmp(&y.0));
    // The squared components sum to 1 up to rounding; renormalise so the weights do exactly.
    let total: f64 = rule.iter().map(|r| r.1).sum();
    for (theta, weight) in &mut rule {
        *theta = theta.clamp(f64::MIN_POSITIVE, 1.0 - f64::EPSILON / 2.0);
        *weight = (*weight / total).max(f64::MIN_POSITIVE);
    }
    rule
}

/// Diagonal and off-diagonal of the Jacobi matrix for Beta(`alpha`, `beta`) on [0, 1]:
/// `diag[n]` = (1 + α_n)/2 and `off[n]` = √β_n / 2 couples rows n − 1 and n (`off[0]` = 0).
///
/// With a = β − 1 and b = α − 1, α_n = (b² − a²)/((2n+a+b)(2n+a+b+2)); (1 + α_n)/2 is computed
/// in the equivalent form below, a sum of non-negative terms, since α_n can be close to −1.
fn jacobi_matrix(alpha: f64, beta: f64, n: usize) -> (Vec<f64>, Vec<f64>) {
    let (p, q) = (alpha, beta);
    let diag = (0..n)
        .map(|k| {
            let k = k as f64;
            if k == 0.0 {
                return p / (p + q);
            }
            let s = 2.0 * k + p + q - 2.0; // 2n + a + b
            (2.0 * k * (k - 1.0) + 2.0 * p * (k - 1.0) + 2.0 * k * q + p * (p + q))
                / (s * (s + 2.0))
        })
        .collect();
    let off = (0..n).map(|k| recurrence_beta(k as f64, q - 1.0, p - 1.0).sqrt() / 2.0);
    (diag, off.collect())
}

/// β_n of the monic Jacobi recurrence on [−1, 1] for weight (1 − x)^a (1 + x)^b; β_0 is taken as
/// 0, and β_1 in the form with the factor n + a + b cancelled (it vanishes when a + b = −1).
fn recurrence_beta(n: f64, a: f64, b: f64) -> f64 {
    let s = 2.0 * n + a + b;
    if n == 0.0 {
        0.0
    } else if n == 1.0 {
        4.0 * (1.0 + a) * (1.0 + b) / ((2.0 + a + b).powi(2) * (3.0 + a + b))
    } else {
        4.0 * n * (n + a) * (n + b) * (n + a + b) / (s * s * (s + 1.0) * (s - 1.0))
    }
}

/// Eigenvalues of the symmetric tridiagonal matrix with diagonal `d` and off-diagonal `e`
/// (`e[i]` couples rows i − 1 and i; `e[0]` is ignored) by the implicit QL algorithm with
/// Wilkinson shifts (Numerical Recipes' `tqli`). On return `d` holds the eigenvalues and `z`,
/// which must start as the first row of the identity, the first components of the eigenvectors.
fn tqli(d: &mut [f64], e: &mut [f64], z: &mut [f64]) {
    let n = d.len();
    e.rotate_left(1);
    e[n - 1] = 0.0;
    for l in 0..n {
        for _ in 0..100 {
            // Find the first negligible off-diagonal element at or after l.
            let m = (l..n - 1)
                .find(|&m| e[m].abs() <= f64::EPSILON * (d[m].abs() + d[m + 1].abs()))
                .unwrap_or(n - 1);
            if m == l {
                break;
            }
            ql_sweep(d, e, z, l, m);
        }
    }
}

/// One implicit QL sweep with a Wilkinson shift on the block l..=m (see [`tqli`]).
fn ql_sweep(d: &mut [f64], e: &mut [f64], z: &mut [f64], l: usize, m: usize) {
    let g = (d[l + 1] - d[l]) / (2.0 * e[l]);
    let r = g.hypot(1.0);
    let mut g = d[m] - d[l] + e[l] / (g + r.copysign(g));
    let (mut s, mut c, mut p) = (1.0, 1.0, 0.0);
    for i in (l..m).rev() {
        let (f, b) = (s * e[i], c * e[i]);
        let r = f.hypot(g);
        e[i + 1] = r;
        if r == 0.0 {
            // Underflow: the block splits here; deflate and let the caller search again.
            d[i + 1] -= p;
            e[m] = 0.0;
            return;
        }
        (s, c) = (f / r, g / r);
        g = d[i + 1] - p;
        let r = (d[i] - g) * s + 2.0 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
        // Apply the rotation to the first components of the eigenvectors.
        (z[i], z[i + 1]) = (c * z[i] - s * z[i + 1], s * z[i] + c * z[i + 1]);
    }
    d[l] -= p;
    e[l] = g;
    e[m] = 0.0;
}

#[cfg(test)]
mod tests {
    use super::super::special::ln_beta;
    use super::*;

    /// E[θ^k] for θ ~ Beta(a, b).
    fn moment(a: f64, b: f64, k: usize) -> f64 {
        (0..k)
            .map(|i| (a + i as f64) / (a + b + i as f64))
            .product()
    }

    fn expect(rule: &[(f64, f64)], f: impl Fn(f64) -> f64) -> f64 {
        rule.iter().map(|&(theta, w)| w * f(theta)).sum()
    }

    const SHAPES: [(f64, f64); 5] = [
        (0.3, 2.5),
        (1.0, 1.0),
        (2.0, 30.0),
        (50.0, 400.0),
        (0.05, 0.05),
    ];

    #[test]
    fn reproduces_beta_moments() {
        for (a, b) in SHAPES {
            for n in [1, 5, 27, 100] {
                let rule = beta_quadrature(a, b, n);
                assert_eq!(rule.len(), n);
                for k in 0..2 * n {
                    let (got, want) = (expect(&rule, |t| t.powi(k as i32)), moment(a, b, k));
                    assert!(
                        (got / want - 1.0).abs() < 1e-9,
                        "({a}, {b}) n={n} E[θ^{k}]: {got}"
                    );
                    let got = expect(&rule, |t| (1.0 - t).powi(k as i32));
                    let want = (ln_beta(a, b + k as f64) - ln_beta(a, b)).exp();
                    assert!(
                        (got / want - 1.0).abs() < 1e-9,
                        "({a}, {b}) n={n} E[(1−θ)^{k}]"
                    );
                }
            }
        }
    }

    #[test]
    fn rules_are_well_formed_at_the_extremes() {
        for (a, b, n) in [
            (0.05, 1e4, 200),
            (1e4, 0.05, 200),
            (1e4, 1e4, 200),
            (0.05, 0.05, 200),
        ] {
            let rule = beta_quadrature(a, b, n);
            assert_eq!(rule.len(), n);
            assert!(
                rule.windows(2).all(|w| w[0].0 < w[1].0),
                "({a}, {b}) nodes not ascending"
            );
            assert!(rule.iter().all(|&(t, w)| t > 0.0 && t < 1.0 && w > 0.0));
            assert!((rule.iter().map(|r| r.1).sum::<f64>() - 1.0).abs() < 1e-14);
            for k in 1..8 {
                let got = expect(&rule, |t| t.powi(k as i32));
                assert!(
                    (got / moment(a, b, k) - 1.0).abs() < 1e-9,
                    "({a}, {b}) E[θ^{k}]"
                );
            }
        }
        assert_eq!(beta_quadrature(2.0, 3.0, 1), vec![(0.4, 1.0)]);
        assert!(beta_quadrature(2.0, 3.0, 0).is_empty());
    }

    #[test]
    fn diagonal_matches_the_textbook_recurrence() {
        for (p, q) in SHAPES {
            let (a, b) = (q - 1.0, p - 1.0);
            let (diag, _) = jacobi_matrix(p, q, 40);
            for (n, d) in diag.iter().enumerate().skip(1) {
                let s = 2.0 * n as f64 + a + b;
                let textbook = (1.0 + (b * b - a * a) / (s * (s + 2.0))) / 2.0;
                assert!((d - textbook).abs() < 1e-13, "({p}, {q}) n={n}");
            }
        }
    }
}
