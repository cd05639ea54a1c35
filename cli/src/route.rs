//! `baken route`: who to call now.

use baken_core::help;

#[derive(clap::Args)]
pub struct Args {
    /// Country code, such as NL.
    #[arg(long)]
    country: String,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Result<(), String> {
    let e = help::emergency(&args.country).map_err(|e| e.to_string())?;
    if args.json {
        let route = serde_json::json!({
            "service_id": format!("{}-emergency", e.country.as_str().to_lowercase()),
            "name": e.number,
            "channel": "phone",
            "action_uri": format!("tel:{}", e.number),
            "open_now": true,
            "next_open": null,
            "source": e.source,
        });
        println!("{}", serde_json::json!({ "routes": [route] }));
    } else {
        println!("In danger right now? Call {} (open day and night, free).", e.number);
        println!("Source: {} (checked {})", e.source, e.verified_on);
    }
    Ok(())
}
