import Foundation
import IdentityResolution
import KithTestSupport
import Testing

@Suite struct EvaluationTests {
    /// Pairwise scores by brute force over every pair, to check the cluster-intersection counts.
    static func bruteForce(_ predicted: [String], _ actual: [String]) -> (tp: Int, p: Int, a: Int) {
        var tp = 0, p = 0, a = 0
        for i in predicted.indices {
            for j in predicted.indices where j > i {
                let samePredicted = predicted[i] == predicted[j], sameActual = actual[i] == actual[j]
                if samePredicted { p += 1 }
                if sameActual { a += 1 }
                if samePredicted && sameActual { tp += 1 }
            }
        }
        return (tp, p, a)
    }

    @Test("pair counts from cluster intersections equal counting every pair")
    func matchesBruteForce() throws {
        try withTemporaryDirectory { directory in
            // 40 records of 9 people in 4 households, predicted with some errors.
            var truth = ["source,record_key,person_id,household_id"]
            var export = ["identity_id,household_id,label,source,key"]
            var predicted: [String] = [], actual: [String] = [], predictedHouseholds: [String] = [], actualHouseholds: [String] = []
            for i in 0..<40 {
                let person = i % 9, identity = (i % 7 == 0) ? 99 : person % 8
                truth.append("crm,K\(i),P\(person),H\(person / 3)")
                export.append("I\(identity),\(identity % 3 == 0 ? "" : "H\(identity / 2)"),record,crm,K\(i)")
                predicted.append("I\(identity)")
                actual.append("P\(person)")
                predictedHouseholds.append(identity % 3 == 0 ? "identity:I\(identity)" : "H\(identity / 2)")
                actualHouseholds.append("H\(person / 3)")
            }
            try (truth.joined(separator: "\n") + "\n").write(toFile: directory + "/truth_records.csv", atomically: true, encoding: .utf8)
            try "type,value,person_id,household_id,shared\n".write(toFile: directory + "/truth_identifiers.csv", atomically: true, encoding: .utf8)
            try (export.joined(separator: "\n") + "\n").write(toFile: directory + "/export.csv", atomically: true, encoding: .utf8)
            let evaluation = try Evaluation(truthDirectory: directory, export: directory + "/export.csv")
            let identities = Self.bruteForce(predicted, actual)
            #expect(evaluation.identities.truePositives == identities.tp)
            #expect(evaluation.identities.predicted == identities.p)
            #expect(evaluation.identities.actual == identities.a)
            let households = Self.bruteForce(predictedHouseholds, actualHouseholds)
            #expect(evaluation.households.truePositives == households.tp)
            #expect(evaluation.households.predicted == households.p)
            #expect(evaluation.households.actual == households.a)
        }
    }

    @Test("a perfect export scores 1 and a shared tablet put in an identity costs cross-device precision")
    func crossDevice() throws {
        try withTemporaryDirectory { directory in
            try """
                source,record_key,person_id,household_id
                crm,C1,P1,H1
                crm,C2,P2,H1
                """.appending("\n").write(toFile: directory + "/truth_records.csv", atomically: true, encoding: .utf8)
            try """
                type,value,person_id,household_id,shared
                cookie,aaaa,P1,H1,0
                device,TAB,,H1,1
                """.appending("\n").write(toFile: directory + "/truth_identifiers.csv", atomically: true, encoding: .utf8)
            try """
                identity_id,household_id,label,source,key
                I1,H1,record,crm,C1
                I1,H1,cookie,,aaaa
                I2,H1,record,crm,C2
                """.appending("\n").write(toFile: directory + "/perfect.csv", atomically: true, encoding: .utf8)
            let perfect = try Evaluation(truthDirectory: directory, export: directory + "/perfect.csv")
            #expect(perfect.identities.f1 == 1 && perfect.crossDevice.f1 == 1 && perfect.households.f1 == 1)
            try (String(contentsOfFile: directory + "/perfect.csv", encoding: .utf8) + "I2,H1,device,,tab\n")
                .write(toFile: directory + "/tablet.csv", atomically: true, encoding: .utf8)
            let tablet = try Evaluation(truthDirectory: directory, export: directory + "/tablet.csv")
            #expect(tablet.crossDevice.precision == 0.5 && tablet.crossDevice.recall == 1)
        }
    }
}
