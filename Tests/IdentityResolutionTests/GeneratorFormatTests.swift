import IdentityResolution
import Testing

@Suite("Retail dataset generator: file formats")
struct GeneratorFormatTests {
    /// The headers exactly as DATASET.md spells them.
    static let expectedHeaders: [(RetailDataset.File, String)] = [
        (.crmContacts, "contact_id,first_name,last_name,email,phone,street,city,state,postal_code,birth_date,created_at"),
        (.ecommerceAccounts,
         "account_id,email,phone,first_name,last_name,shipping_street,shipping_city,shipping_state,shipping_postal_code,created_at"),
        (.loyaltyMembers, "loyalty_id,first_name,last_name,email,phone,postal_code,joined_at"),
        (.posTransactions, "transaction_id,store_id,ts,loyalty_id,card_token,receipt_email,phone,amount"),
        (.truthRecords, "source,record_key,person_id,household_id"),
        (.truthIdentifiers, "type,value,person_id,household_id,shared"),
    ]

    @Test("every CSV file starts with the exact DATASET.md header")
    func headersMatchTheSpec() throws {
        let dataset = try twoThousandPeople.get()
        for (file, header) in Self.expectedHeaders {
            let firstLine = dataset.text(file).split(separator: "\n", maxSplits: 1).first.map(String.init)
            #expect(firstLine == header, "\(file.fileName)")
        }
    }

    @Test("every CSV row parses back under RFC 4180 with as many fields as its header")
    func csvParsesBack() throws {
        let dataset = try twoThousandPeople.get()
        var quotedFields = 0
        for (file, _) in Self.expectedHeaders {
            let rows = try dataset.rows(file)
            #expect(rows.count == (dataset.summary.rows[file] ?? -1) + 1, "\(file.fileName) row count")
            for row in rows { #expect(row.count == rows[0].count, "\(file.fileName): \(row)") }
            quotedFields += rows.joined().filter { $0.contains(",") || $0.contains("\"") }.count
        }
        #expect(quotedFields > 0, "some field needs quoting (a comma before an Apt, a Jr.)")
    }

    @Test("every web event is one JSON object with only the documented keys and values")
    func webEventsAreWellFormed() throws {
        let dataset = try twoThousandPeople.get()
        let events = try dataset.events()
        #expect(events.count == dataset.summary.rows[.webEvents])
        let keys: Set = ["event_id", "ts", "type", "anonymous_id", "user_id", "email", "device_id", "platform", "ip",
                         "user_agent"]
        let types: Set = ["page_view", "login", "signup", "app_open", "purchase"]
        for event in events {
            #expect(Set(event.keys).isSubset(of: keys))
            #expect(types.contains(event["type"] ?? ""))
            #expect(["web", "ios", "android"].contains(event["platform"] ?? ""))
            #expect(event["event_id"] != nil && event["ts"] != nil)
            #expect(event["anonymous_id"] != nil || event["device_id"] != nil)
        }
        #expect(Set(events.map { $0["type"]! }) == types)
    }

    @Test("record keys are unique within each source")
    func recordKeysAreUnique() throws {
        let dataset = try twoThousandPeople.get()
        for file in [RetailDataset.File.crmContacts, .ecommerceAccounts, .loyaltyMembers, .posTransactions] {
            let keys = try dataset.rows(file).dropFirst().map { $0[0] }
            #expect(Set(keys).count == keys.count, "\(file.fileName)")
        }
    }
}
