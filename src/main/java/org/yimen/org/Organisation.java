package org.yimen.org;

import java.util.List;
import java.util.Optional;

/** Read-only look-ups of the organisation (组织机构) for other modules. */
public interface Organisation {

    Optional<Department> department(long id);

    Optional<Department> departmentByCode(String code);

    List<Department> departments();

    Optional<Hall> hall(long id);

    Optional<Hall> hallByCode(String code);

    List<Hall> halls();

    Optional<ServiceWindow> window(long id);

    /** The window a hall shows under this number (窗口号), the way citizens and tickets name it. */
    Optional<ServiceWindow> window(long hallId, int number);

    Optional<StaffSummary> staff(long id);

    Optional<StaffSummary> staffByUsername(String username);
}
