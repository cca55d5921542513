//! Gauss–Jacobi quadrature for the Beta distribution (Golub–Welsch).
//!
//! `n` nodes reproduce E[f(θ)] for θ ~ Beta(α, β) exactly for every polynomial f of degree ≤ 2n − 1.

/// Nodes θ (ascending) and weights (summing to 1) of the `nodes`-point rule for Beta(`alpha`, `beta`).
pub fn beta_quadrature(alpha: f64, beta: f64, nodes: usize) -> Vec<(f64, f64)> {
    let n = nodes.max(1);
    let (a, b) = (beta - 1.0, alpha - 1.0);
    let mut diag: Vec<f64> = (0..n)
        .map(|i| (1.0 + recurrence_alpha(i as f64, a, b)) / 2.0)
        .collect();
    let mut off: Vec<f64> = (0..n)
        .map(|i| {
            if i == 0 {
                0.0
            } else {
                recurrence_beta(i as f64, a, b).sqrt() / 2.0
            }
        })
        .collect();
    let mut first = vec![0.0; n];
    first[0] = 1.0;
    implicit_ql(&mut diag, &mut off, &mut first);
    let mut out: Vec<(f64, f64)> = diag.into_iter().zip(first.iter().map(|z| z * z)).collect();
    out.sort_by(|x, y| x.0.total_cmp(&y.0));
    let total: f64 = out.iter().map(|p| p.1).sum();
    out.iter_mut().for_each(|p| p.1 /= total);
    out
}

/// Monic Jacobi recurrence α_n on [−1, 1] with weight (1 − x)^a (1 + x)^b.
fn recurrence_alpha(n: f64, a: f64, b: f64) -> f64 {
    if n == 0.0 {
        (b - a) / (a + b + 2.0)
    } else {
        (b * b - a * a) / ((2.0 * n + a + b) * (2.0 * n + a + b + 2.0))
    }
}

/// Monic Jacobi recurrence β_n (n ≥ 1).
fn recurrence_beta(n: f64, a: f64, b: f64) -> f64 {
    if n == 1.0 {
        4.0 * (1.0 + a) * (1.0 + b) / ((2.0 + a + b).powi(2) * (3.0 + a + b))
    } else {
        let s = 2.0 * n + a + b;
        4.0 * n * (n + a) * (n + b) * (n + a + b) / (s * s * (s + 1.0) * (s - 1.0))
    }
}

/// Eigenvalues of the symmetric tridiagonal matrix (diagonal `d`, sub-diagonal `e[1..]`) by the implicit
/// QL algorithm, also rotating `z` (the first row of the eigenvector matrix).
fn implicit_ql(d: &mut [f64], e: &mut [f64], z: &mut [f64]) {
    let n = d.len();
    for i in 1..n {
        e[i - 1] = e[i];
    }
    e[n - 1] = 0.0;
    for l in 0..n {
        let mut iter = 0;
        loop {
            let mut m = l;
            while m + 1 < n {
                let dd = d[m].abs() + d[m + 1].abs();
                if e[m].abs() <= f64::EPSILON * dd {
                    break;
                }
                m += 1;
            }
            if m == l || iter == 60 {
                break;
            }
            iter += 1;
            ql_sweep(d, e, z, l, m);
        }
    }
}

fn ql_sweep(d: &mut [f64], e: &mut [f64], z: &mut [f64], l: usize, m: usize) {
    let mut g = (d[l + 1] - d[l]) / (2.0 * e[l]);
    let mut r = g.hypot(1.0);
    g = d[m] - d[l] + e[l] / (g + r.copysign(g));
    let (mut s, mut c, mut p) = (1.0, 1.0, 0.0);
    let mut i = m;
    while i > l {
        i -= 1;
        let f = s * e[i];
        let b = c * e[i];
        r = f.hypot(g);
        e[i + 1] = r;
        if r == 0.0 {
            d[i + 1] -= p;
            e[m] = 0.0;
            return;
        }
        s = f / r;
        c = g / r;
        g = d[i + 1] - p;
        r = (d[i] - g) * s + 2.0 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
        let zf = z[i + 1];
        z[i + 1] = s * z[i] + c * zf;
        z[i] = c * z[i] - s * zf;
    }
    d[l] -= p;
    e[l] = g;
    e[m] = 0.0;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moment(a: f64, b: f64, k: usize) -> f64 {
        (0..k)
            .map(|i| (a + i as f64) / (a + b + i as f64))
            .product()
    }

    #[test]
    fn reproduces_beta_moments() {
        for (a, b) in [
            (0.3, 2.5),
            (1.0, 1.0),
            (2.0, 30.0),
            (50.0, 400.0),
            (0.5, 0.5),
        ] {
            for n in [1usize, 5, 27] {
                let q = beta_quadrature(a, b, n);
                assert_eq!(q.len(), n);
                for k in 0..(2 * n).min(60) {
                    let got: f64 = q.iter().map(|(t, w)| w * t.powi(k as i32)).sum();
                    let want = moment(a, b, k);
                    assert!(
                        (got - want).abs() <= 1e-9 * want.max(1e-300) + 1e-14,
                        "({a},{b}) n={n} k={k}"
                    );
                }
            }
        }
    }
}
