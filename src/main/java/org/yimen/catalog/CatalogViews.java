package org.yimen.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yimen.org.Department;
import org.yimen.org.Organisation;

/** What the catalog's pages and API show beside the items: department names, the fee schedule, problem messages. */
@Component
class CatalogViews {

    /** A problem of a guide in the reader's language, with the path of the field at fault. */
    record ProblemMessage(String field, String message) {
    }

    /** How many fees a department (or the whole hall) publishes at each level: 大项, 小项, 子项. */
    record FeeCounts(long categories, long fees, long subItems) {
    }

    /** One published fee with the services that charge it. */
    record FeeLine(String category, String name, String subItem, String standard, String legalBasis,
            List<ServiceItem> items) {
    }

    /** One category (大项) of a department's fees. */
    record FeeCategory(String category, List<FeeLine> lines) {
    }

    /** A department's part of the fee schedule (收费公示). */
    record DepartmentFees(Department department, List<FeeCategory> categories, FeeCounts counts) {
    }

    /** The fee schedule of the whole hall. */
    record FeeSchedule(List<DepartmentFees> departments, FeeCounts total) {
    }

    private final Organisation organisation;
    private final MessageSource messages;

    CatalogViews(Organisation organisation, MessageSource messages) {
        this.organisation = organisation;
        this.messages = messages;
    }

    Map<Long, Department> departmentsById() {
        return organisation.departments().stream()
                .collect(Collectors.toMap(Department::id, d -> d, (a, b) -> a, LinkedHashMap::new));
    }

    List<ProblemMessage> messages(List<GuidePolicy.Problem> problems, Locale locale) {
        return problems.stream().map(p -> new ProblemMessage(p.field(),
                messages.getMessage(p.code(), p.arguments().toArray(), p.code(), locale))).toList();
    }

    /** Every charged fee of the items in force, grouped by department and category, with counts per level. */
    FeeSchedule feeSchedule(List<ServiceItem> published) {
        List<DepartmentFees> departments = new ArrayList<>();
        for (Department department : organisation.departments()) {
            Map<String, Map<List<String>, FeeLine>> byCategory = new LinkedHashMap<>();
            for (ServiceItem item : published) {
                if (item.departmentId() != department.id()) {
                    continue;
                }
                for (ServiceItem.Fee fee : item.fees()) {
                    if (fee.free()) {
                        continue;
                    }
                    var lines = byCategory.computeIfAbsent(fee.category(), c -> new LinkedHashMap<>());
                    var line = lines.computeIfAbsent(List.of(fee.name(), fee.subItem()), k -> new FeeLine(
                            fee.category(), fee.name(), fee.subItem(), fee.standard(), fee.legalBasis(),
                            new ArrayList<>()));
                    line.items().add(item);
                }
            }
            List<FeeCategory> categories = byCategory.entrySet().stream()
                    .map(e -> new FeeCategory(e.getKey(), List.copyOf(e.getValue().values()))).toList();
            departments.add(new DepartmentFees(department, categories, counts(categories)));
        }
        long categories = departments.stream().mapToLong(d -> d.counts().categories()).sum();
        long fees = departments.stream().mapToLong(d -> d.counts().fees()).sum();
        long subItems = departments.stream().mapToLong(d -> d.counts().subItems()).sum();
        return new FeeSchedule(departments, new FeeCounts(categories, fees, subItems));
    }

    private static FeeCounts counts(List<FeeCategory> categories) {
        long fees = categories.stream()
                .mapToLong(c -> c.lines().stream().map(FeeLine::name).distinct().count()).sum();
        long subItems = categories.stream()
                .mapToLong(c -> c.lines().stream().filter(l -> !l.subItem().isBlank()).count()).sum();
        return new FeeCounts(categories.size(), fees, subItems);
    }
}
