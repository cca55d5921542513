//! `journey-sim`: the headless runner — templates, validation, runs and benchmarks from the command line.
//!
//! ```text
//! journey-sim template [NAME] | --list
//! journey-sim validate FILE
//! journey-sim run FILE [--runs N] [--seed S] [--no-parameter-uncertainty] [--threads T]
//! journey-sim bench [FILTER] [--repeat N] [--threads T]
//! ```

use std::process::ExitCode;
use std::time::Instant;

use journey_sim::sim::templates::{default_scenario, template, template_names, template_title};
use journey_sim::sim::validate::check_scenario_json;
use journey_sim::sim::{Batch, Kpi, RunRecord, Scenario, Simulation, Summary, BATCH_RUNS};

const USAGE: &str = "usage:
  journey-sim template [NAME]      print a template scenario as JSON (--list names them)
  journey-sim validate FILE        print the problems in a scenario file; exit 1 if any
  journey-sim run FILE [--runs N] [--seed S] [--no-parameter-uncertainty] [--threads T]
                                   simulate and print the summary as JSON
  journey-sim bench [FILTER] [--repeat N] [--threads T]
                                   print throughput figures (only the benchmarks whose
                                   label contains FILTER; each N times, with min/median/max;
                                   on T threads, default one per core)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("template") => cmd_template(&args[1..]),
        Some("validate") => cmd_validate(&args[1..]),
        Some("run") => cmd_run(&args[1..]),
        Some("bench") => cmd_bench(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(Failure::Usage("expected a command".into())),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(m)) => {
            eprintln!("journey-sim: {m}\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Invalid(m)) => {
            eprintln!("{m}");
            ExitCode::from(1)
        }
    }
}

/// Why a command failed: wrong usage (exit 2) or bad input (exit 1).
enum Failure {
    Usage(String),
    Invalid(String),
}

fn cmd_template(args: &[String]) -> Result<(), Failure> {
    match args.first().map(String::as_str) {
        Some("--list") => {
            for name in template_names() {
                println!("{name}\t{}", template_title(name));
            }
            Ok(())
        }
        None => print_json(&default_scenario()),
        Some(name) => match template(name) {
            Some(s) => print_json(&s),
            None => Err(Failure::Usage(format!(
                "no template called '{name}'; choose one of: {}",
                template_names().join(", ")
            ))),
        },
    }
}

fn read_scenario(path: Option<&String>) -> Result<Scenario, Failure> {
    let path = path.ok_or_else(|| Failure::Usage("expected a scenario FILE".into()))?;
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::Invalid(format!("{path}: cannot read the file: {e}")))?;
    check_scenario_json(&text).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(|p| format!("{path}: {p}")).collect();
        Failure::Invalid(lines.join("\n"))
    })
}

fn cmd_validate(args: &[String]) -> Result<(), Failure> {
    read_scenario(args.first())?;
    println!("{}: no problems", args[0]);
    Ok(())
}

fn cmd_run(args: &[String]) -> Result<(), Failure> {
    let mut scenario = read_scenario(args.first())?;
    let mut threads = default_threads();
    let mut rest = args[1..].iter();
    while let Some(flag) = rest.next() {
        let mut value = |name: &str| -> Result<u64, Failure> {
            let v = rest
                .next()
                .ok_or_else(|| Failure::Usage(format!("{name} needs a value")))?;
            v.parse()
                .map_err(|_| Failure::Usage(format!("{name} needs a whole number, got '{v}'")))
        };
        match flag.as_str() {
            "--runs" => scenario.meta.runs = value("--runs")?.min(u32::MAX as u64) as u32,
            "--seed" => scenario.meta.seed = value("--seed")?,
            "--threads" => threads = value("--threads")?.clamp(1, 64) as usize,
            "--no-parameter-uncertainty" => scenario.meta.parameter_uncertainty = false,
            other => return Err(Failure::Usage(format!("unknown option '{other}'"))),
        }
    }
    let sim = Simulation::new(&scenario).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        Failure::Invalid(lines.join("\n"))
    })?;
    print_json(&run_threads(&sim, threads))
}

fn print_json(v: &impl serde::Serialize) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(v).map_err(|e| Failure::Invalid(e.to_string()))?;
    println!("{text}");
    Ok(())
}

fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Runs every run on `threads` threads (each takes the next run not yet taken, so the threads finish
/// within one run of each other, and a thread slowed by other work takes fewer) and summarises in run
/// order: the summary does not depend on who ran what.
fn run_threads(sim: &Simulation, threads: usize) -> Summary {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let keys: Vec<u64> = (0..sim.batches()).flat_map(|b| sim.run_keys(b)).collect();
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, RunRecord)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(&key) = keys.get(i) else {
                            return mine;
                        };
                        mine.push((i, sim.run_one(key)));
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("worker thread"))
            .collect()
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    let mut records = done.into_iter().map(|(_, r)| r);
    let mut acc = sim.accumulator();
    for index in 0..sim.batches() {
        let records = records.by_ref().take(BATCH_RUNS).collect();
        acc.add(Batch { index, records });
    }
    acc.summary()
}

fn cmd_bench(args: &[String]) -> Result<(), Failure> {
    let BenchOptions {
        filter,
        repeat,
        threads,
    } = bench_options(args)?;
    println!("journey-sim bench: {threads} threads, release build recommended (cargo run --release -- bench)");
    let mut cases: Vec<(String, Scenario)> = [
        ("default six-stage", 10_000u64),
        ("six-stage, 1,000,000 customers", 1_000_000),
    ]
    .into_iter()
    .map(|(label, cohort)| {
        let mut s = default_scenario();
        s.market.initial_cohort = cohort;
        (label.to_string(), s)
    })
    .collect();
    for name in template_names().iter().filter(|n| **n != "six-stage") {
        cases.push((
            format!("template {name}"),
            template(name).expect("template"),
        ));
    }
    cases.retain(|(label, _)| label.contains(filter.as_str()));
    if cases.is_empty() {
        return Err(Failure::Usage(format!("no benchmark matches '{filter}'")));
    }
    for (label, s) in &cases {
        let mut times: Vec<f64> = (0..repeat)
            .map(|_| bench_one(label, s, threads))
            .collect::<Result<_, _>>()?;
        if repeat > 1 {
            times.sort_by(f64::total_cmp);
            println!(
                "{label}: {repeat} repeats: min {:.3} s, median {:.3} s, max {:.3} s",
                times[0],
                times[repeat / 2],
                times[repeat - 1]
            );
        }
    }
    Ok(())
}

/// What `bench` runs: the benchmarks whose label contains `filter`, each `repeat` times, on `threads`.
struct BenchOptions {
    filter: String,
    repeat: usize,
    threads: usize,
}

/// `bench [FILTER] [--repeat N] [--threads T]`.
fn bench_options(args: &[String]) -> Result<BenchOptions, Failure> {
    let mut options = BenchOptions {
        filter: String::new(),
        repeat: 1,
        threads: default_threads(),
    };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut count = |name: &str, max: usize| {
            let v = rest
                .next()
                .ok_or_else(|| Failure::Usage(format!("{name} needs a value")))?;
            v.parse::<usize>()
                .ok()
                .filter(|n| (1..=max).contains(n))
                .ok_or_else(|| Failure::Usage(format!("{name} needs 1 to {max}, got '{v}'")))
        };
        match arg.as_str() {
            "--repeat" => options.repeat = count("--repeat", 100)?,
            "--threads" => options.threads = count("--threads", 64)?,
            _ if arg.starts_with("--") || !options.filter.is_empty() => {
                return Err(Failure::Usage(format!("unexpected '{arg}' after bench")));
            }
            _ => options.filter = arg.clone(),
        }
    }
    Ok(options)
}

/// Runs one benchmark, prints its line and returns its wall time in seconds.
fn bench_one(label: &str, s: &Scenario, threads: usize) -> Result<f64, Failure> {
    let start = Instant::now();
    let sim = Simulation::new(s).map_err(|p| Failure::Invalid(format!("{p:?}")))?;
    let summary = run_threads(&sim, threads);
    let secs = start.elapsed().as_secs_f64();
    let customers = s.market.initial_cohort as f64;
    let work = customers * s.meta.horizon as f64 * s.meta.runs as f64;
    println!(
        "{label}: {} customers × {} periods × {} runs in {secs:.3} s = {:.3e} customer-periods/s \
         (median purchased {:.0})",
        s.market.initial_cohort,
        s.meta.horizon,
        s.meta.runs,
        work / secs,
        summary.kpis[&Kpi::Purchased].stats.p50
    );
    Ok(secs)
}
