/// Web and app events: the evidence that ties cookies and devices to accounts and emails,
/// with each cookie and device written to `truth_identifiers.csv`.
extension RetailDatasetGenerator {
    /// One line of `web_events.jsonl`; `nil` fields are left out.
    private struct Event {
        var type: String
        var ts: Int
        var anonymousID: String?
        var userID: String?
        var email: String?
        var deviceID: String?
        var platform: String
        var ip: String
        var userAgent: String
    }

    func writeWebEvents(
        _ household: Household, _ members: [Person], accounts: [[Account]], scribe: inout Scribe, sink: DatasetSink
    ) {
        for (person, owned) in zip(members, accounts) {
            for (c, cookie) in person.cookies.enumerated() {
                sink.truthIdentifier("cookie", cookie, person, household)
                writeCookieEvents(cookie, index: c, accounts: owned, household, scribe: &scribe, sink: sink)
            }
            for device in person.devices {
                sink.truthIdentifier("device", device.id, person, household)
                writeDeviceEvents(device, accounts: owned, household, scribe: &scribe, sink: sink)
            }
        }
        if let tablet = household.tablet {
            sink.truthIdentifier("device", tablet, nil, household)
            let ua = Vocabulary.iosUserAgents[1]
            for _ in 0..<scribe.random.inRange(1...3) {
                write(Event(type: "app_open", ts: scribe.instant(), deviceID: tablet, platform: "ios",
                            ip: household.homeIP, userAgent: ua), sink: sink)
            }
            // Every family member with an account logs into the tablet (at most three).
            for owned in accounts.filter({ !$0.isEmpty }).prefix(3) {
                let account = owned[0]
                write(Event(type: "login", ts: scribe.instant(after: account.created), userID: account.id,
                            deviceID: tablet, platform: "ios", ip: household.homeIP, userAgent: ua), sink: sink)
            }
        }
    }

    private func writeCookieEvents(
        _ cookie: String, index: Int, accounts: [Account], _ household: Household, scribe: inout Scribe,
        sink: DatasetSink
    ) {
        let ua = scribe.random.pick(Vocabulary.webUserAgents)
        let anonymous = accounts.isEmpty || scribe.random.chance(mess.anonymousCookie)
        if !anonymous {
            let account = accounts[index % accounts.count]
            let signup = index < accounts.count
            let email: String? = signup || scribe.random.chance(0.3)
                ? scribe.email(account.email, allowPlaceholder: false) : nil
            let ts = signup ? account.created : scribe.instant(after: account.created)
            write(Event(type: signup ? "signup" : "login", ts: ts, anonymousID: cookie, userID: account.id,
                        email: email, platform: "web", ip: ip(household, mobile: false, scribe: &scribe),
                        userAgent: ua), sink: sink)
            for _ in 0..<scribe.random.weighted([50, 35, 15]) {
                write(Event(type: "purchase", ts: scribe.instant(after: ts), anonymousID: cookie, userID: account.id,
                            platform: "web", ip: ip(household, mobile: false, scribe: &scribe), userAgent: ua),
                      sink: sink)
            }
        }
        for _ in 0...scribe.random.weighted([55, 30, 15]) {
            write(Event(type: "page_view", ts: scribe.instant(), anonymousID: cookie, platform: "web",
                        ip: ip(household, mobile: false, scribe: &scribe), userAgent: ua), sink: sink)
        }
    }

    private func writeDeviceEvents(
        _ device: Device, accounts: [Account], _ household: Household, scribe: inout Scribe, sink: DatasetSink
    ) {
        let ua = scribe.random.pick(device.platform == "ios" ? Vocabulary.iosUserAgents : Vocabulary.androidUserAgents)
        for _ in 0...scribe.random.weighted([60, 30, 10]) {
            write(Event(type: "app_open", ts: scribe.instant(), deviceID: device.id, platform: device.platform,
                        ip: ip(household, mobile: true, scribe: &scribe), userAgent: ua), sink: sink)
        }
        guard !accounts.isEmpty, !scribe.random.chance(mess.anonymousCookie / 2) else { return }
        let account = scribe.random.pick(accounts)
        let email = scribe.random.chance(0.3) ? scribe.email(account.email, allowPlaceholder: false) : nil
        write(Event(type: "login", ts: scribe.instant(after: account.created), userID: account.id, email: email,
                    deviceID: device.id, platform: device.platform, ip: ip(household, mobile: true, scribe: &scribe),
                    userAgent: ua), sink: sink)
    }

    /// Home IP most of the time; a coffee-shop or office IP shared by hundreds; a carrier NAT on mobile.
    private func ip(_ household: Household, mobile: Bool, scribe: inout Scribe) -> String {
        if scribe.random.chance(mess.publicIP) { return UniqueNumbers.publicIP(scribe.random.below(publicIPs)) }
        if mobile, scribe.random.chance(0.4) { return UniqueNumbers.carrierIP(scribe.random.below(carrierIPs)) }
        return household.homeIP
    }

    private func write(_ event: Event, sink: DatasetSink) {
        let out = sink.web
        let id = "E" + Digits.padded(sink.nextEvent, width: 10)
        sink.nextEvent += 1
        out.beginObject()
        out.jsonField("event_id", id)
        out.jsonField("ts", Scribe.timestamp(event.ts))
        out.jsonField("type", event.type)
        out.jsonField("anonymous_id", event.anonymousID)
        out.jsonField("user_id", event.userID)
        out.jsonField("email", event.email)
        out.jsonField("device_id", event.deviceID)
        out.jsonField("platform", event.platform)
        out.jsonField("ip", event.ip)
        out.jsonField("user_agent", event.userAgent)
        out.endObject()
    }
}
