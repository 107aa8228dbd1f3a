/// The files of the retail identity dataset (see `DATASET.md`) and their exact headers.
public enum RetailDataset {
    /// One file the generator writes.
    public enum File: String, CaseIterable, Sendable {
        case crmContacts = "crm_contacts.csv"
        case ecommerceAccounts = "ecommerce_accounts.csv"
        case loyaltyMembers = "loyalty_members.csv"
        case posTransactions = "pos_transactions.csv"
        case webEvents = "web_events.jsonl"
        case truthRecords = "truth_records.csv"
        case truthIdentifiers = "truth_identifiers.csv"

        /// The file's name inside the dataset directory.
        public var fileName: String { rawValue }

        /// The CSV header columns, in order; empty for the JSON-lines file.
        public var columns: [String] {
            switch self {
            case .crmContacts:
                ["contact_id", "first_name", "last_name", "email", "phone", "street", "city", "state",
                 "postal_code", "birth_date", "created_at"]
            case .ecommerceAccounts:
                ["account_id", "email", "phone", "first_name", "last_name", "shipping_street", "shipping_city",
                 "shipping_state", "shipping_postal_code", "created_at"]
            case .loyaltyMembers:
                ["loyalty_id", "first_name", "last_name", "email", "phone", "postal_code", "joined_at"]
            case .posTransactions:
                ["transaction_id", "store_id", "ts", "loyalty_id", "card_token", "receipt_email", "phone", "amount"]
            case .webEvents:
                []
            case .truthRecords:
                ["source", "record_key", "person_id", "household_id"]
            case .truthIdentifiers:
                ["type", "value", "person_id", "household_id", "shared"]
            }
        }

        /// The source name of a person-record file (`crm`, `ecommerce`, `loyalty`, `pos`).
        public var source: String? {
            switch self {
            case .crmContacts: "crm"
            case .ecommerceAccounts: "ecommerce"
            case .loyaltyMembers: "loyalty"
            case .posTransactions: "pos"
            case .webEvents: "web"
            case .truthRecords, .truthIdentifiers: nil
            }
        }
    }
}
