package org.yimen.org;

/** What a member of staff may do. A person may hold several roles. */
public enum Role {
    /** 系统管理员: organisation, calendar and system settings. */
    ADMIN,
    /** 大厅管理员: runs a hall: windows, staff on duty, A/B posts, statistics. */
    HALL_MANAGER,
    /** 窗口人员: calls tickets, registers first inquiries, accepts cases. */
    CLERK,
    /** 审核人员: reviews cases. */
    REVIEWER,
    /** 部门负责人: decides, approves extensions, acts when both officers of a post are absent. */
    DEPT_HEAD,
    /** 电子监察: watches every clock and issues supervision notices. */
    SUPERVISOR,
    /** 审计员: reads the audit trail, nothing else. */
    AUDITOR,
    /** 安全管理员: manages accounts, passwords and roles; cannot administer the organisation or read the trail. */
    SECURITY_ADMIN;

    /**
     * The three administrators of 等保 2.0 (system, security, audit): only the security administrator grants or
     * removes these, never the organisation's own forms.
     */
    public boolean privileged() {
        return this == ADMIN || this == SECURITY_ADMIN || this == AUDITOR;
    }
}
