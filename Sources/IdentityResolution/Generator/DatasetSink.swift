/// The seven open output files and the running record numbers of one generator run.
/// Not Sendable: one run writes from one thread.
final class DatasetSink {
    let crm: OutputFile
    let ecommerce: OutputFile
    let loyalty: OutputFile
    let pos: OutputFile
    let web: OutputFile
    let truthRecords: OutputFile
    let truthIdentifiers: OutputFile

    var nextContact = 1
    var nextAccount = 1
    var nextLoyalty = 1
    var nextTransaction = 1
    var nextEvent = 1

    init(directory: String) throws {
        func open(_ file: RetailDataset.File) throws -> OutputFile {
            let out = try OutputFile(path: directory + "/" + file.fileName)
            if !file.columns.isEmpty {
                out.csvRow(file.columns)
            }
            return out
        }
        crm = try open(.crmContacts)
        ecommerce = try open(.ecommerceAccounts)
        loyalty = try open(.loyaltyMembers)
        pos = try open(.posTransactions)
        web = try open(.webEvents)
        truthRecords = try open(.truthRecords)
        truthIdentifiers = try open(.truthIdentifiers)
    }

    private var all: [(RetailDataset.File, OutputFile)] {
        [(.crmContacts, crm), (.ecommerceAccounts, ecommerce), (.loyaltyMembers, loyalty), (.posTransactions, pos),
         (.webEvents, web), (.truthRecords, truthRecords), (.truthIdentifiers, truthIdentifiers)]
    }

    /// Data rows written so far, header excluded.
    var rowCounts: [RetailDataset.File: Int] {
        Dictionary(uniqueKeysWithValues: all.map { ($0.0, $0.1.rows - ($0.0.columns.isEmpty ? 0 : 1)) })
    }

    func close() throws {
        for (_, file) in all { try file.close() }
    }

    /// Records that `key` in `source` belongs to `person` of `household`.
    func truth(_ source: String, _ key: String, _ person: Person, _ household: Household) {
        truthRecords.csvField(source)
        truthRecords.csvField(key)
        truthRecords.csvField(person.id)
        truthRecords.csvField(household.id)
        truthRecords.endRow()
    }

    /// Records who owns a device or cookie; `person` nil means shared by the whole household.
    func truthIdentifier(_ type: String, _ value: String, _ person: Person?, _ household: Household) {
        truthIdentifiers.csvField(type)
        truthIdentifiers.csvField(value)
        truthIdentifiers.csvField(person?.id)
        truthIdentifiers.csvField(household.id)
        truthIdentifiers.csvField(person == nil ? "1" : "0")
        truthIdentifiers.endRow()
    }
}
