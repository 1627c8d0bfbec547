//! A browser's User-Agent as a person would name their device ("Firefox on Windows"),
//! for the list of their sign-ins. Only a few known words come out, whatever comes in.

/// Names the browser and the system in `user_agent`; "an unknown browser" and "an
/// unknown device" where it says neither.
pub fn describe(user_agent: &str) -> String {
    let ua = user_agent.to_ascii_lowercase();
    let browser = [
        ("edg/", "Edge"),
        ("opr/", "Opera"),
        ("samsungbrowser", "Samsung Internet"),
        ("firefox/", "Firefox"),
        ("fxios", "Firefox"),
        ("crios", "Chrome"),
        ("chrome/", "Chrome"),
        ("chromium", "Chromium"),
        ("safari/", "Safari"),
    ]
    .iter()
    .find(|(word, _)| ua.contains(word))
    .map_or("an unknown browser", |(_, name)| name);
    let system = [
        ("android", "Android"),
        ("iphone", "iPhone"),
        ("ipad", "iPad"),
        ("windows", "Windows"),
        ("mac os", "a Mac"),
        ("cros", "ChromeOS"),
        ("linux", "Linux"),
    ]
    .iter()
    .find(|(word, _)| ua.contains(word))
    .map_or("an unknown device", |(_, name)| name);
    format!("{browser} on {system}")
}

#[cfg(test)]
mod tests {
    use super::describe;

    #[test]
    fn common_browsers_are_named() {
        let android = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";
        assert_eq!(describe(android), "Chrome on Android");
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
        assert_eq!(describe(iphone), "Safari on iPhone");
        let windows =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
        assert_eq!(describe(windows), "Firefox on Windows");
        assert_eq!(
            describe("<script>"),
            "an unknown browser on an unknown device"
        );
    }
}
