//! Prints how long each stage of one analysis takes (`cargo run --release
//! --example stage_times -- FILE...`), from the progress callback.
use std::time::Instant;

fn main() {
    let inputs: Vec<corroborate::ArticleInput> = std::env::args()
        .skip(1)
        .map(|p| corroborate::ArticleInput::new(std::fs::read_to_string(&p).unwrap_or_default()))
        .collect();
    let t0 = Instant::now();
    let mut last = (String::new(), 0.0f64);
    let r = corroborate::analyze_with_progress(&inputs, &Default::default(), &mut |stage, f| {
        let now = t0.elapsed().as_secs_f64();
        if stage != last.0 {
            eprintln!("{:>8.3} s  {stage} ({f:.2})", now);
            last = (stage.to_string(), now);
        }
    });
    eprintln!("{:>8.3} s  done", t0.elapsed().as_secs_f64());
    let Ok(r) = r else {
        eprintln!("analysis failed");
        return;
    };
    let t1 = Instant::now();
    let json = serde_json::to_string(&r).unwrap_or_default();
    eprintln!("{:>8.3} s  serialized {} bytes", t1.elapsed().as_secs_f64(), json.len());
}
